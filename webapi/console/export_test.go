package console

// FormatTime exposes formatTime to the tests.
var FormatTime = formatTime
