export {run} from './run.js'
export type {Context} from './context.js'
export {exitCodes, InputError, UsageError} from './errors.js'
