package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
)

// flakyAPI is an in-memory ticket API that fails in the ways real ones do.
type flakyAPI struct {
	*httptest.Server
	mu          sync.Mutex
	tickets     []ticket
	listCalls   int
	createCalls map[string]int // attempts per title
	stored      map[string]int // tickets stored per title
	path        string
}

func newFlakyAPI() *flakyAPI {
	api := &flakyAPI{createCalls: map[string]int{}, stored: map[string]int{}}
	for i, title := range []string{
		"Impossible travel for j.doe", "EDR: credential dumping on srv-db-02", "Spam wave from 203.0.113.7",
		"Ransomware note on file share", "Suspicious OAuth consent", "TLS certificate expiring", "Brute force on VPN",
	} {
		api.tickets = append(api.tickets, ticket{ID: fmt.Sprintf("T-%04d", i+1), Title: title, Priority: 1 + i%4})
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/tickets", api.list)
	mux.HandleFunc("POST /api/tickets", api.create)
	mux.HandleFunc("GET /api/tickets/{id}", api.get)
	mux.HandleFunc("GET /api/status", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><head><title>Instance Hibernating page</title></head><body>Your instance is asleep.</body></html>")
	})
	api.Server = httptest.NewServer(api.authenticated(mux))
	return api
}

func (a *flakyAPI) authenticated(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer demo-token" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		a.mu.Lock()
		a.path = r.URL.EscapedPath()
		a.mu.Unlock()
		next.ServeHTTP(w, r)
	})
}

func (a *flakyAPI) list(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.listCalls++
	if a.listCalls == 1 {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	if limit <= 0 {
		limit = 100
	}
	end := min(offset+limit, len(a.tickets))
	if offset < end && end < len(a.tickets) {
		next := fmt.Sprintf("%s/api/tickets?limit=%d&offset=%d", a.URL, limit, end)
		w.Header().Set("Link", fmt.Sprintf(`<%s>;rel="next"`, next))
	}
	w.Header().Set("X-Total-Count", strconv.Itoa(len(a.tickets)))
	writeJSON(w, http.StatusOK, map[string]any{"result": a.tickets[min(offset, end):end]})
}

func (a *flakyAPI) create(w http.ResponseWriter, r *http.Request) {
	var t ticket
	if err := json.NewDecoder(r.Body).Decode(&t); err != nil || t.Title == "" {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]string{"message": "title is required"}})
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.createCalls[t.Title]++
	switch {
	case t.Priority == 2 && a.createCalls[t.Title] == 1:
		w.Header().Set("Retry-After", "1")
		writeJSON(w, http.StatusTooManyRequests, map[string]any{"error": map[string]string{"message": "Rate limit exceeded"}})
		return
	case t.Priority == 1:
		writeJSON(w, http.StatusInternalServerError, map[string]any{"error": map[string]string{"message": "Transaction cancelled: maximum execution time exceeded"}})
		return
	}
	t.ID = fmt.Sprintf("T-%04d", len(a.tickets)+1)
	a.tickets = append(a.tickets, t)
	a.stored[t.Title]++
	writeJSON(w, http.StatusCreated, t)
}

func (a *flakyAPI) get(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, t := range a.tickets {
		if t.ID == r.PathValue("id") {
			writeJSON(w, http.StatusOK, t)
			return
		}
	}
	writeJSON(w, http.StatusNotFound, map[string]any{"error": map[string]string{"message": "No Record found"}})
}

func (a *flakyAPI) creates(title string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.stored[title]
}

func (a *flakyAPI) attempts(title string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.createCalls[title]
}

func (a *flakyAPI) lastPath() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.path
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
