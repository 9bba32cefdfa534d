function helper() { return "helped"; }
