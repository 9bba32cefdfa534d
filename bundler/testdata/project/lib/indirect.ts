export { read } from './uses-fs'
