import { addDays, differenceInCalendarDays, format, formatDistanceStrict, isValid, parseISO, startOfMonth } from 'date-fns';
import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  // Local-time constructors and formatting agree whatever the time zone.
  const d = new Date(2024, 1, 28, 10, 30);
  res.json({
    formatted: format(d, "yyyy-MM-dd HH:mm EEEE"),
    plusTwo: format(addDays(d, 2), 'yyyy-MM-dd'),
    monthStart: format(startOfMonth(d), 'd MMM yyyy'),
    days: differenceInCalendarDays(new Date(2024, 2, 1), new Date(2024, 1, 1)),
    distance: formatDistanceStrict(new Date(0), new Date(3 * 3600 * 1000)),
    valid: isValid(parseISO('2024-02-30')),
  });
}
