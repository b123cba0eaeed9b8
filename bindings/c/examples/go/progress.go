package main

/*
#include "bynder.h"
*/
import "C"

import (
	"runtime/cgo"
	"unsafe"
)

// goProgress is the C progress callback: ctx carries the cgo.Handle of a func(Progress).
// libbynder calls it on the goroutine's thread that is blocked in bynder_download.
//
//export goProgress
func goProgress(p *C.bynder_progress, ctx unsafe.Pointer) {
	onProgress := cgo.Handle(uintptr(ctx)).Value().(func(Progress))
	onProgress(Progress{
		Name:  C.GoString(p.name),
		Done:  uint64(p.done_bytes),
		Total: uint64(p.total_bytes),
	})
}
