'use strict';
// node:constants (deprecated): os, fs and crypto constants in one object.

const os = require('os');
const fs = require('fs');
const crypto = require('crypto');

Object.assign(exports, os.constants.errno, os.constants.signals, os.constants.priority, fs.constants, crypto.constants);
