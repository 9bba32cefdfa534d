import _ from 'lodash';
import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const users = [
    { name: 'ada', team: 'a', age: 36 },
    { name: 'bob', team: 'b', age: 25 },
    { name: 'cy', team: 'a', age: 41 },
  ];
  res.json({
    grouped: _.mapValues(_.groupBy(users, 'team'), (u) => _.map(u, 'name')),
    ordered: _.map(_.orderBy(users, ['age'], ['desc']), 'name'),
    merged: _.merge({ a: { b: 1 } }, { a: { c: 2 } }),
    chunks: _.chunk([1, 2, 3, 4, 5], 2),
    picked: _.get({ a: [{ b: { c: 3 } }] }, 'a[0].b.c'),
    // _.template compiles with Function(): allowed in the Node runtime.
    template: _.template('hello <%= name %>!')({ name: 'ada' }),
    camel: _.camelCase('Foo Bar-baz'),
  });
}
