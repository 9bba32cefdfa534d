import { NextResponse } from 'next/server'
import { getNearbyData } from '../../../lib/posts'

export const config = {
  regions: ['sfo1', 'iad1'], // defaults to 'all'
  runtime: 'edge',
}

export default async function handler(req: NextRequest) {
  const myData = await getNearbyData()
  return NextResponse.json(myData)
}
