import {createHash, hash} from 'node:crypto'
import fs from 'node:fs'

/** A file's git blob ID: the SHA-1 of `blob <size>\0` and its bytes, as `git ls-tree` lists it. */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

/**
 * The content key of files: a hash of their git blob IDs in order
 * (`absent` for one that does not exist). The same files in a working tree
 * or in a commit (`git ls-tree`) have the same key.
 */
export function contentKeyOfBlobs(blobs: ReadonlyArray<string | undefined>): string {
  return hash('sha256', blobs.map((blob) => blob ?? 'absent').join('\n'), 'hex')
}

/** The content key of files on disk. */
export function contentKey(files: readonly string[]): string {
  return contentKeyOfBlobs(files.map((file) => (fs.existsSync(file) ? gitBlobId(fs.readFileSync(file)) : undefined)))
}
