//go:build darwin

package node

import "syscall"

func fillTimes(a *statArray, st *syscall.Stat_t) {
	a[10] = float64(st.Atimespec.Sec)*1e3 + float64(st.Atimespec.Nsec)/1e6
	a[11] = float64(st.Mtimespec.Sec)*1e3 + float64(st.Mtimespec.Nsec)/1e6
	a[12] = float64(st.Ctimespec.Sec)*1e3 + float64(st.Ctimespec.Nsec)/1e6
	a[13] = float64(st.Birthtimespec.Sec)*1e3 + float64(st.Birthtimespec.Nsec)/1e6
}
