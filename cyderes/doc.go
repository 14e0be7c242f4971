// Package cyderes is a client for the Cyderes Ticket System Integration
// API v2: tickets of every type, attachments, comments, closing, service
// requests and MISP indicators of compromise.
package cyderes
