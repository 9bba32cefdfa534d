export class Counter {
  #n = 0
  static created = 0
  constructor() { Counter.created++ }
  inc(by?: { step?: number }): number {
    this.#n += by?.step ?? 1
    return this.#n
  }
}

async function* numbers(limit: number) {
  for (let i = 1; i <= limit; i++) {
    await null
    yield i
  }
}

export async function sum(limit: number): Promise<number> {
  let total = 0
  for await (const n of numbers(limit)) total += n
  return total
}
