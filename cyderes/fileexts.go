package cyderes

// isFileExtension reports whether ext, in lower case and without its dot,
// is one of the file extensions that make a name a file name: programs,
// libraries and scripts, installers and packages, documents, archives and
// disk images, web pages, mail stores, media, data, logs and captures,
// keys and certificates.
//
// A few of them are top-level domains as well (cab, mov, one, pub, py,
// sh, so and zip); a bare name ending in one of them is reported as a file
// name, as it is far more often one in a ticket.
func isFileExtension(ext string) bool {
	switch ext {
	case
		"7z", "ace", "apk", "appx", "appxbundle", "arj", "asc", "ashx", "asmx", "asp", "aspx", "avi",
		"bak", "bash", "bat", "bin", "bmp", "bz2", "cab", "cer", "cfg", "cgi", "chm", "class", "cmd",
		"conf", "config", "cpl", "crt", "crx", "css", "csv", "dat", "db", "deb", "der", "dll", "dmg",
		"dmp", "doc", "docm", "docx", "dotm", "dotx", "drv", "dylib", "elf", "eml", "evtx", "exe",
		"gif", "gpg", "gz", "hta", "htm", "html", "ico", "img", "ini", "ipa", "iqy", "iso", "jar",
		"jnlp", "jpeg", "jpg", "js", "jse", "json", "jsp", "jspx", "kdbx", "key", "ko", "lnk", "log",
		"lz", "lzh", "mbox", "mht", "mhtml", "mkv", "mov", "mp3", "mp4", "msg", "msi", "msix", "msp",
		"msu", "ocx", "odp", "ods", "odt", "one", "onepkg", "ost", "ovpn", "p12", "pcap", "pcapng",
		"pdf", "pem", "pfx", "php", "phtml", "pif", "pkg", "png", "pps", "ppsx", "ppt", "pptm", "pptx",
		"ps1", "psd1", "psm1", "pst", "pub", "py", "pyc", "pyw", "rar", "rb", "rdp", "reg", "rpm",
		"rtf", "scr", "sh", "slk", "so", "sql", "sqlite", "svg", "swf", "sys", "tar", "tgz", "tif",
		"tiff", "tmp", "toml", "torrent", "tsv", "txt", "url", "vbe", "vbs", "vhd", "vhdx", "war",
		"wav", "webp", "wim", "wmv", "wsf", "wsh", "xhtml", "xla", "xlam", "xll", "xls", "xlsb", "xlsm",
		"xlsx", "xml", "xpi", "xz", "yaml", "yml", "zip", "zsh":
		return true
	}
	return false
}
