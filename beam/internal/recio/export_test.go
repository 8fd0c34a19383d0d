package recio

// ParseValidForTest lets the external tests fuzz parseValid on any bytes.
var ParseValidForTest = parseValid
