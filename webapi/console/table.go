package console

import (
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/webidl"
)

// table is Node's console.table: rows are the tabular data's own keys
// (or a Map's/Set's iteration index), columns the union of the rows' own
// keys (or properties), primitives in a "Values" column.
func (s *state) table(call goja.FunctionCall) {
	vm := s.iso.VM()
	data, ok := call.Argument(0).(*goja.Object)
	if !ok {
		s.print(LevelLog, Format(s.iso, call.Arguments[:min(1, len(call.Arguments))]))
		return
	}
	var properties []string
	hasProps := false
	if p := call.Argument(1); !goja.IsUndefined(p) {
		hasProps = true
		if po, ok := p.(*goja.Object); !ok || po.ClassName() != "Array" {
			panic(vm.NewTypeError(`The "properties" argument must be an instance of Array.`))
		}
		for _, v := range webidl.Context("").Sequence(vm, p) {
			properties = append(properties, v.String())
		}
	}
	h := helpersOf(s.iso)
	inspect := func(v goja.Value) string {
		o := DefaultInspectOptions()
		o.MaxArrayLength = 3
		o.BreakLength = math.MaxInt32
		o.Depth = 0
		in := newInspector(s.iso, o)
		if obj, ok := v.(*goja.Object); ok && obj.ClassName() != "Array" && len(obj.Keys()) > 2 {
			// Node inspects such cells with depth -1: even the top level
			// collapses to [Object].
			in.exhausted = true
		}
		return in.formatValue(v, 0, false)
	}
	index := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = strconv.Itoa(i)
		}
		return out
	}
	switch kind := h.call(h.kind, data).String(); kind {
	case "map":
		var keys, values []string
		size := int(h.call(h.size, data, vm.ToValue("map")).ToInteger())
		arr := h.call(h.mapEntries, data, vm.ToValue(size)).(*goja.Object)
		for i := 0; i < size; i++ {
			e := arr.Get(strconv.Itoa(i)).(*goja.Object)
			keys = append(keys, inspect(e.Get("0")))
			values = append(values, inspect(e.Get("1")))
		}
		s.print(LevelLog, renderTable([]string{"(iteration index)", "Key", "Values"}, [][]string{index(len(keys)), keys, values}))
		return
	case "set":
		var values []string
		size := int(h.call(h.size, data, vm.ToValue("set")).ToInteger())
		arr := h.call(h.setValues, data, vm.ToValue(size)).(*goja.Object)
		for i := 0; i < size; i++ {
			values = append(values, inspect(arr.Get(strconv.Itoa(i))))
		}
		s.print(LevelLog, renderTable([]string{"(iteration index)", "Values"}, [][]string{index(len(values)), values}))
		return
	}
	rowKeys := data.Keys()
	var colNames []string
	cols := map[string][]string{}
	var valuesCol []string
	hasPrimitives := false
	for i, rk := range rowKeys {
		item := data.Get(rk)
		itemObj, isObj := item.(*goja.Object)
		primitive := !isObj
		if !hasProps && primitive {
			hasPrimitives = true
			valuesCol = setAt(valuesCol, i, inspect(item))
			continue
		}
		keys := properties
		if !hasProps {
			keys = itemObj.Keys()
		}
		for _, k := range keys {
			if _, ok := cols[k]; !ok {
				colNames = append(colNames, k)
				cols[k] = nil
			}
			if primitive || !h.call(h.hasOwn, itemObj, vm.ToValue(k)).ToBoolean() {
				cols[k] = setAt(cols[k], i, "")
			} else {
				cols[k] = setAt(cols[k], i, inspect(itemObj.Get(k)))
			}
		}
	}
	head := append([]string{"(index)"}, colNames...)
	columns := [][]string{rowKeys}
	for _, c := range colNames {
		columns = append(columns, cols[c])
	}
	if hasPrimitives {
		head = append(head, "Values")
		columns = append(columns, valuesCol)
	}
	s.print(LevelLog, renderTable(head, columns))
}

func setAt(col []string, i int, v string) []string {
	for len(col) <= i {
		col = append(col, "")
	}
	col[i] = v
	return col
}

// renderTable draws Node's console.table box (left-aligned cells).
func renderTable(head []string, columns [][]string) string {
	widths := make([]int, len(head))
	longest := 0
	for _, c := range columns {
		longest = max(longest, len(c))
	}
	rows := make([][]string, longest)
	for i, h := range head {
		widths[i] = width(h)
		for j := 0; j < longest; j++ {
			v := ""
			if i < len(columns) && j < len(columns[i]) {
				v = columns[i][j]
			}
			if rows[j] == nil {
				rows[j] = make([]string, len(head))
			}
			rows[j][i] = v
			widths[i] = max(widths[i], width(v))
		}
	}
	divider := make([]string, len(widths))
	for i, w := range widths {
		divider[i] = strings.Repeat("─", w+2)
	}
	renderRow := func(row []string) string {
		var b strings.Builder
		b.WriteString("│ ")
		for i, cell := range row {
			b.WriteString(cell)
			b.WriteString(strings.Repeat(" ", widths[i]-width(cell)))
			if i != len(row)-1 {
				b.WriteString(" │ ")
			}
		}
		b.WriteString(" │")
		return b.String()
	}
	var b strings.Builder
	b.WriteString("┌" + strings.Join(divider, "┬") + "┐\n")
	b.WriteString(renderRow(head) + "\n")
	b.WriteString("├" + strings.Join(divider, "┼") + "┤\n")
	for _, r := range rows {
		b.WriteString(renderRow(r) + "\n")
	}
	b.WriteString("└" + strings.Join(divider, "┴") + "┘")
	return b.String()
}
