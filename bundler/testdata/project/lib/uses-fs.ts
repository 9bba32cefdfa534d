import { readFileSync } from 'fs'

export function read(p: string) {
  return readFileSync(p, 'utf8')
}
