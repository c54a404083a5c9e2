import {fileURLToPath} from 'node:url'

const schema = (name: string) => fileURLToPath(new URL(`../schemas/${name}`, import.meta.url))

/**
 * The schemas the exports are valid against, vendored with the package
 * (`schemas/`): XLIFF 1.2 strict, XLIFF 2.0 core, the TMX 1.4 DTD, and the
 * XML catalog that points XLIFF 1.2's import of `xml.xsd` at its local
 * copy (for `xmllint --nonet` with `XML_CATALOG_FILES`).
 */
export const schemaFiles = {
  directory: schema(''),
  xliff12: schema('xliff-core-1.2-strict.xsd'),
  xliff20: schema('xliff-core-2.0.xsd'),
  tmx14: schema('tmx14.dtd'),
  catalog: schema('catalog.xml')
} as const
