package cyderes
