var SUBSTITUTED = "{{host}}:{{ports[http][0]}} {{domains[www1]}}";
