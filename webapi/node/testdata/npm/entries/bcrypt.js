const bcrypt = require('bcryptjs');
const { v4, v7 } = require('uuid');
module.exports = (done) => {
  const hash = bcrypt.hashSync('pw', 4);
  done(bcrypt.compareSync('pw', hash) + ' ' + bcrypt.compareSync('no', hash) + ' ' + /^[0-9a-f-]{36}$/.test(v4()) + ' ' + /^[0-9a-f-]{36}$/.test(v7()));
};
