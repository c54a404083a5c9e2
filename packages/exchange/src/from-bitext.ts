import type {Bitext} from '@briefs/bitext'
import {formatWordDiff, wordDiff} from '@briefs/review'
import type {PhrasingContent} from 'mdast'
import type {ExchangeArticle} from './types.js'

/**
 * An article in one language as the CAT exchange reads it, from the bitext
 * model: one unit per translation unit, with its French as inline nodes,
 * its translation as written, its review state, the word diff of its French
 * since approval when that changed, and the block's other sentences as
 * context.
 */
export function exchangeArticle(bitext: Bitext): ExchangeArticle {
  const {article} = bitext
  return {
    id: article.id,
    title: article.meta.title,
    date: article.meta.date,
    lng: bitext.lng,
    units: bitext.units.map((unit) => {
      const ids = new Set(unit.segments.map((segment) => segment.id))
      const block = unit.segments[0]!.block
      return {
        key: unit.key,
        segmentIds: [...ids],
        source: unit.segments.flatMap((segment, index): PhrasingContent[] => (index === 0 ? segment.nodes : [{type: 'text', value: ' '}, ...segment.nodes])),
        sourceText: unit.source,
        ...(unit.target ? {target: unit.target.value} : {}),
        state: unit.state,
        ...(unit.staleReason ? {staleReason: unit.staleReason} : {}),
        ...(unit.staleReason && unit.staleReason !== 'target' && unit.approval ? {staleSourceDiff: formatWordDiff(wordDiff(unit.approval.text, unit.source))} : {}),
        ...(unit.approval ? {reviewer: unit.approval.reviewer, approvedOn: unit.approval.date} : {}),
        context: bitext.segments.filter((segment) => segment.block === block && !ids.has(segment.id)).map((segment) => segment.text)
      }
    })
  }
}
