// META: title=Metadata
// META: script=resources/helper.js
// META: script=/basic/resources/host.sub.js
// META: variant=?first
// META: variant=?second
test(() => assert_equals(helper(), "helped"), "script include " + location.search);
test(() => assert_equals(META_TITLE, "Metadata"), "title " + location.search);
test(() => assert_equals(SUBSTITUTED, "web-platform.test:8000 www1.web-platform.test"), "substitution " + location.search);
