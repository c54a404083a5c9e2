import type {Options, State, Info} from 'mdast-util-to-markdown'
import type {Parents} from 'mdast'
import type {Sentence} from './types.js'

/**
 * mdast-util-to-markdown extension: a sentence node serializes as its
 * content, so a segmented tree stringifies like the original.
 */
export function sentenceToMarkdown(): Options {
  return {
    handlers: {
      sentence(node: Sentence, _: Parents | undefined, state: State, info: Info): string {
        return state.containerPhrasing(node, info)
      }
    }
  }
}
