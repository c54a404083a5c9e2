export {default} from '@briefs/vitest-config'
