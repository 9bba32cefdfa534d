//go:build linux

package node

import "syscall"

func fillTimes(a *statArray, st *syscall.Stat_t) {
	a[10] = float64(st.Atim.Sec)*1e3 + float64(st.Atim.Nsec)/1e6
	a[11] = float64(st.Mtim.Sec)*1e3 + float64(st.Mtim.Nsec)/1e6
	a[12] = float64(st.Ctim.Sec)*1e3 + float64(st.Ctim.Nsec)/1e6
	a[13] = a[12]
}
