package console

import (
	"math"
	"strings"
)

// reduceToSingleString is Node's reduceToSingleString for numeric compact
// modes: entries go on one line when the object is within `compact` levels
// of its innermost nesting and the line fits in breakLength; otherwise one
// entry per line (after grouping short array items into columns).
func (in *inspector) reduceToSingleString(output []string, base string, braces [2]string, extras extrasType, recurseTimes int, numeric func(int) bool) string {
	if in.o.Compact >= 1 {
		entries := len(output)
		if extras == arrayExtrasType && entries > 6 {
			output = in.groupArrayElements(output, numeric)
		}
		if in.currentDepth-recurseTimes < in.o.Compact && entries == len(output) {
			start := len(output) + in.indentationLvl + jsLen(braces[0]) + jsLen(base) + 10
			if in.isBelowBreakLength(output, start, base) {
				joined := strings.Join(output, ", ")
				if !strings.Contains(joined, "\n") {
					b := ""
					if base != "" {
						b = base + " "
					}
					return b + braces[0] + " " + joined + " " + braces[1]
				}
			}
		}
	}
	indentation := "\n" + strings.Repeat(" ", in.indentationLvl)
	b := ""
	if base != "" {
		b = base + " "
	}
	return b + braces[0] + indentation + "  " + strings.Join(output, ","+indentation+"  ") + indentation + braces[1]
}

func (in *inspector) isBelowBreakLength(output []string, start int, base string) bool {
	total := len(output) + start
	if total+len(output) > in.o.BreakLength {
		return false
	}
	for _, o := range output {
		total += jsLen(o)
		if total > in.o.BreakLength {
			return false
		}
	}
	return base == "" || !strings.Contains(base, "\n")
}

// groupArrayElements is Node's groupArrayElements: lines up many short
// array items in columns.
func (in *inspector) groupArrayElements(output []string, numeric func(int) bool) []string {
	totalLength := 0
	maxLength := 0
	outputLength := len(output)
	if in.o.MaxArrayLength < len(output) {
		// This makes sure the "... n more items" part is not taken into account.
		outputLength--
	}
	const separatorSpace = 2 // one for the comma, one for the space
	dataLen := make([]int, outputLength)
	for i := 0; i < outputLength; i++ {
		l := width(output[i])
		dataLen[i] = l
		totalLength += l + separatorSpace
		if maxLength < l {
			maxLength = l
		}
	}
	actualMax := maxLength + separatorSpace
	if actualMax*3+in.indentationLvl < in.o.BreakLength &&
		(float64(totalLength)/float64(actualMax) > 5 || maxLength <= 6) {
		const approxCharHeights = 2.5
		averageBias := math.Sqrt(float64(actualMax) - float64(totalLength)/float64(len(output)))
		biasedMax := math.Max(float64(actualMax)-3-averageBias, 1)
		columns := min(
			int(math.Round(math.Sqrt(approxCharHeights*biasedMax*float64(outputLength))/biasedMax)),
			(in.o.BreakLength-in.indentationLvl)/actualMax,
			in.o.Compact*4,
			15,
		)
		if columns <= 1 {
			return output
		}
		var maxLineLength []int
		for i := 0; i < columns; i++ {
			lineLength := 0
			for j := i; j < len(output); j += columns {
				if j < outputLength && dataLen[j] > lineLength {
					lineLength = dataLen[j]
				}
			}
			maxLineLength = append(maxLineLength, lineLength+separatorSpace)
		}
		padStart := numeric != nil && numeric(len(output))
		var tmp []string
		for i := 0; i < outputLength; i += columns {
			max := min(i+columns, outputLength)
			var sb strings.Builder
			j := i
			for ; j < max-1; j++ {
				cell := output[j] + ", "
				pad := maxLineLength[j-i] - dataLen[j] - separatorSpace
				if padStart {
					sb.WriteString(strings.Repeat(" ", max0(pad)) + cell)
				} else {
					sb.WriteString(cell + strings.Repeat(" ", max0(pad)))
				}
			}
			if padStart {
				pad := maxLineLength[j-i] - separatorSpace - dataLen[j]
				sb.WriteString(strings.Repeat(" ", max0(pad)) + output[j])
			} else {
				sb.WriteString(output[j])
			}
			tmp = append(tmp, sb.String())
		}
		if in.o.MaxArrayLength < len(output) {
			tmp = append(tmp, output[outputLength])
		}
		output = tmp
	}
	return output
}

func max0(n int) int {
	if n < 0 {
		return 0
	}
	return n
}
