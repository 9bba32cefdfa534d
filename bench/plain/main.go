// Command plain serves the hello routes from a plain net/http handler: the
// baseline edgerun is compared with in bench/run.sh.
package main

import (
	"encoding/json"
	"flag"
	"log"
	"net/http"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:3101", "listen address")
	flag.Parse()
	mux := http.NewServeMux()
	mux.HandleFunc("/api/edge/hello", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("Hello world!"))
	})
	mux.HandleFunc("/api/hello", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		json.NewEncoder(w).Encode(map[string]any{"message": "Hello world!", "ok": true, "n": 42})
	})
	log.Fatal(http.ListenAndServe(*addr, mux))
}
