import fc from 'fast-check'

// `.ci/run` sets FC_SEED from the commit: CI explores the same cases each time it runs a commit, so a green
// commit stays green; elsewhere each run explores new ones. A failure prints its seed and path: run again with
// FC_SEED=<seed> FC_PATH=<path> to replay it.
if (process.env.FC_SEED) {
  fc.configureGlobal({seed: Number(process.env.FC_SEED), ...(process.env.FC_PATH ? {path: process.env.FC_PATH} : {})})
}
