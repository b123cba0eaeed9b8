// A Go program on libbynder through cgo: the operation catalog, pages of assets, parallel
// calls from goroutines on one shared client, typed errors, and a download with progress.
//
//	export PKG_CONFIG_PATH=$PREFIX/lib/pkgconfig LD_LIBRARY_PATH=$PREFIX/lib
//	BYNDER_PORTAL=https://acme.bynder.com BYNDER_TOKEN=... go run .
//
// Environment: BYNDER_PORTAL, BYNDER_TOKEN (permanent token), BYNDER_CA_CERT (optional PEM),
// BYNDER_DOWNLOAD_DIR (optional: where to download one asset). See docs/c.md.
package main

/*
#cgo pkg-config: bynder
#include <stdlib.h>
#include "bynder.h"

// Defined in progress.go (//export); a file with //export may only declare C functions.
extern void goProgress(const bynder_progress *progress, void *ctx);
static bynder_progress_fn progress_callback(void) { return goProgress; }
// The callback context carries a cgo.Handle; converting it here keeps go vet quiet.
static void *handle_to_ptr(uintptr_t handle) { return (void *)handle; }
*/
import "C"

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime/cgo"
	"sync"
	"unsafe"
)

// BynderError is a failed call: the library's stable status and what the portal said.
type BynderError struct {
	Status     int
	Kind       string
	HTTPStatus int
	Message    string
	RequestID  string
}

func (e *BynderError) Error() string {
	return fmt.Sprintf("%s (HTTP %d): %s", e.Kind, e.HTTPStatus, e.Message)
}

// takeError converts (and frees) a bynder_error.
func takeError(status C.bynder_status, err *C.bynder_error) error {
	defer C.bynder_error_free(err)
	e := &BynderError{Status: int(status), Kind: C.GoString(C.bynder_status_name(status))}
	if err != nil {
		e.HTTPStatus = int(C.bynder_error_http_status(err))
		e.Message = C.GoString(C.bynder_error_message(err))
		if id := C.bynder_error_request_id(err); id != nil {
			e.RequestID = C.GoString(id)
		}
	}
	return e
}

// takeString copies (and frees) a string the library returned.
func takeString(s *C.char) string {
	defer C.bynder_string_free(s)
	return C.GoString(s)
}

// Client wraps a bynder_client; like the C handle it is safe for concurrent use.
type Client struct{ handle *C.bynder_client }

func NewClient(portal, token, caCert string) (*Client, error) {
	var config C.bynder_config
	cPortal, cToken := C.CString(portal), C.CString(token)
	defer C.free(unsafe.Pointer(cPortal))
	defer C.free(unsafe.Pointer(cToken))
	config.portal, config.permanent_token = cPortal, cToken
	if caCert != "" {
		cCert := C.CString(caCert)
		defer C.free(unsafe.Pointer(cCert))
		config.ca_cert_path = cCert
	}
	var handle *C.bynder_client
	var err *C.bynder_error
	if status := C.bynder_client_new(&config, &handle, &err); status != C.BYNDER_OK {
		return nil, takeError(status, err)
	}
	return &Client{handle}, nil
}

func (c *Client) Close() { C.bynder_client_free(c.handle) }

// Call runs any operation by name and decodes the portal's JSON into out.
func (c *Client) Call(operation string, params any, out any) error {
	paramsJSON, jerr := json.Marshal(params)
	if jerr != nil {
		return jerr
	}
	cOp, cParams := C.CString(operation), C.CString(string(paramsJSON))
	defer C.free(unsafe.Pointer(cOp))
	defer C.free(unsafe.Pointer(cParams))
	var result *C.char
	var err *C.bynder_error
	if status := C.bynder_call(c.handle, cOp, cParams, &result, &err); status != C.BYNDER_OK {
		return takeError(status, err)
	}
	return json.Unmarshal([]byte(takeString(result)), out)
}

// Page is one page of a list operation.
type Page struct {
	Items  []map[string]any `json:"items"`
	Number int              `json:"number"`
	Total  *int             `json:"total"`
}

// EachPage calls fn with every page of a list operation.
func (c *Client) EachPage(operation string, params any, fn func(Page)) error {
	paramsJSON, _ := json.Marshal(params)
	cOp, cParams := C.CString(operation), C.CString(string(paramsJSON))
	defer C.free(unsafe.Pointer(cOp))
	defer C.free(unsafe.Pointer(cParams))
	var pages *C.bynder_pages
	var err *C.bynder_error
	if status := C.bynder_pages_new(c.handle, cOp, cParams, &pages, &err); status != C.BYNDER_OK {
		return takeError(status, err)
	}
	defer C.bynder_pages_free(pages)
	for {
		var pageJSON *C.char
		if status := C.bynder_pages_next(pages, &pageJSON, &err); status != C.BYNDER_OK {
			return takeError(status, err)
		}
		if pageJSON == nil {
			return nil
		}
		var page Page
		if jerr := json.Unmarshal([]byte(takeString(pageJSON)), &page); jerr != nil {
			return jerr
		}
		fn(page)
	}
}

// Progress is what a download reports.
type Progress struct {
	Name        string
	Done, Total uint64
}

// Download writes an asset's original into dir, reporting progress to onProgress.
func (c *Client) Download(mediaID, dir string, onProgress func(Progress)) (map[string]any, error) {
	cID, cDir := C.CString(mediaID), C.CString(dir)
	defer C.free(unsafe.Pointer(cID))
	defer C.free(unsafe.Pointer(cDir))
	handle := cgo.NewHandle(onProgress)
	defer handle.Delete()
	var options C.bynder_download_options
	options.sha256 = true
	options.on_progress = C.progress_callback()
	options.progress_ctx = C.handle_to_ptr(C.uintptr_t(handle))
	var result *C.char
	var err *C.bynder_error
	if status := C.bynder_download(c.handle, cID, cDir, &options, &result, &err); status != C.BYNDER_OK {
		return nil, takeError(status, err)
	}
	var outcome map[string]any
	return outcome, json.Unmarshal([]byte(takeString(result)), &outcome)
}

func run() error {
	portal, token := os.Getenv("BYNDER_PORTAL"), os.Getenv("BYNDER_TOKEN")
	if portal == "" || token == "" {
		return fmt.Errorf("set BYNDER_PORTAL and BYNDER_TOKEN")
	}
	var catalogJSON *C.char
	var cerr *C.bynder_error
	if status := C.bynder_operations_json(&catalogJSON, &cerr); status != C.BYNDER_OK {
		return takeError(status, cerr)
	}
	var catalog []struct{ Name, Group string }
	if err := json.Unmarshal([]byte(takeString(catalogJSON)), &catalog); err != nil {
		return err
	}
	fmt.Printf("libbynder %s: %d operations\n", C.GoString(C.bynder_version()), len(catalog))

	client, err := NewClient(portal, token, os.Getenv("BYNDER_CA_CERT"))
	if err != nil {
		return err
	}
	defer client.Close()

	var ids []string
	err = client.EachPage("media.list", map[string]any{"limit": 100}, func(page Page) {
		for _, item := range page.Items {
			ids = append(ids, item["id"].(string))
		}
	})
	if err != nil {
		return err
	}
	fmt.Printf("listed %d assets\n", len(ids))
	if len(ids) == 0 {
		return fmt.Errorf("the portal has no assets")
	}

	// One client, many goroutines: the handle is thread-safe.
	var wg sync.WaitGroup
	names := make([]string, 8)
	errs := make([]error, 8)
	for i := range names {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			var asset struct{ Name string }
			errs[i] = client.Call("media.get", map[string]any{"id": ids[i%len(ids)]}, &asset)
			names[i] = asset.Name
		}(i)
	}
	wg.Wait()
	for i, e := range errs {
		if e != nil {
			return fmt.Errorf("goroutine %d: %w", i, e)
		}
	}
	fmt.Printf("8 goroutines read %q, %q, ...\n", names[0], names[1])

	// Errors carry the stable status and the portal's message.
	var missing map[string]any
	err = client.Call("media.get", map[string]any{"id": "00000000-0000-0000-0000000000000000"}, &missing)
	if e, ok := err.(*BynderError); !ok || e.Status != int(C.BYNDER_ERR_NOT_FOUND) {
		return fmt.Errorf("expected not_found, got %v", err)
	}
	fmt.Printf("an unknown asset: %v\n", err)

	if dir := os.Getenv("BYNDER_DOWNLOAD_DIR"); dir != "" {
		events := 0
		outcome, err := client.Download(ids[0], dir, func(p Progress) { events++ })
		if err != nil {
			return err
		}
		fmt.Printf("downloaded %.0f bytes to %v (sha256 %.12v..., %d progress reports)\n",
			outcome["bytes"], outcome["path"], outcome["sha256"], events)
	}
	return nil
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}
