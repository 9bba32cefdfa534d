import fs from 'fs';
export const readSomething = () => fs.readFileSync('x', 'utf8');
