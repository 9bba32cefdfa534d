import { realmReport } from '../../lib/realm';

export const config = { runtime: 'edge' };

export default (req: any, event: any) => realmReport('realm-b', req, event);
