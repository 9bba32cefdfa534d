package server

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
)

// moduleIsolate describes an isolate that runs one bundle's handler: edge
// routes and middleware (edge or Node-flavoured) are built the same way.
type moduleIsolate struct {
	name    string
	install func(iso *runtime.Isolate) error // the global scope
	program *goja.Program
	path    string // the bundle's script name
	require func(iso *runtime.Isolate, id string) (goja.Value, error)
	// handler picks the function to call from the module's exports.
	handler func(exports *goja.Object) (goja.Value, error)
	// vendor serves the bundle's npm packages in split (dev) builds.
	vendor *vendorProgram
}

// newModuleIsolate creates the isolate: globals, then the module (its
// top-level code runs once per isolate), then the handler stored under
// edgeModuleKey for edgeCall.
func (s *Server) newModuleIsolate(m moduleIsolate) (*runtime.Isolate, error) {
	return runtime.New(runtime.Options{
		Name:                 m.name,
		CPUDeadline:          s.cfg.CPUDeadline,
		Logger:               s.log,
		OnUnhandledRejection: events.ReportUnhandledRejection,
		OnRejectionHandled:   events.ReportRejectionHandled,
		Setup: func(iso *runtime.Isolate) error {
			if err := m.install(iso); err != nil {
				return err
			}
			require := vendorRequire(m.vendor, m.require)
			exports, err := iso.LoadCommonJS(m.program, m.path, func(id string) (goja.Value, error) {
				return require(iso, id)
			})
			if err != nil {
				return err
			}
			handler, err := m.handler(exports)
			if err != nil {
				return err
			}
			iso.SetValue(edgeModuleKey{}, handler)
			return nil
		},
	})
}
