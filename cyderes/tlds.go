package cyderes

// isTopLevelDomain reports whether label, in lower case, is in the set of
// top-level domains the Extractor knows. The set is this function: a
// switch the compiler turns into a search, with nothing to change at run
// time and nothing to build before the first use.
//
// It holds every country-code TLD in the root zone, the most used
// internationalised TLDs (in Punycode), the original generic TLDs, a
// curated selection of the newer generic ones (those in wide use, and
// those most seen in abuse reports; brand TLDs are left out), and the
// special-use names that appear in tickets: example, test, invalid and
// localhost (RFC 2606), local (mDNS and many Active Directory forests),
// internal (reserved for private use) and onion (Tor).
func isTopLevelDomain(label string) bool {
	switch label {
	case // country codes
		"ac", "ad", "ae", "af", "ag", "ai", "al", "am", "ao", "aq", "ar", "as", "at", "au", "aw", "ax",
		"az", "ba", "bb", "bd", "be", "bf", "bg", "bh", "bi", "bj", "bm", "bn", "bo", "bq", "br", "bs",
		"bt", "bv", "bw", "by", "bz", "ca", "cc", "cd", "cf", "cg", "ch", "ci", "ck", "cl", "cm", "cn",
		"co", "cr", "cu", "cv", "cw", "cx", "cy", "cz", "de", "dj", "dk", "dm", "do", "dz", "ec", "ee",
		"eg", "er", "es", "et", "eu", "fi", "fj", "fk", "fm", "fo", "fr", "ga", "gb", "gd", "ge", "gf",
		"gg", "gh", "gi", "gl", "gm", "gn", "gp", "gq", "gr", "gs", "gt", "gu", "gw", "gy", "hk", "hm",
		"hn", "hr", "ht", "hu", "id", "ie", "il", "im", "in", "io", "iq", "ir", "is", "it", "je", "jm",
		"jo", "jp", "ke", "kg", "kh", "ki", "km", "kn", "kp", "kr", "kw", "ky", "kz", "la", "lb", "lc",
		"li", "lk", "lr", "ls", "lt", "lu", "lv", "ly", "ma", "mc", "md", "me", "mg", "mh", "mk", "ml",
		"mm", "mn", "mo", "mp", "mq", "mr", "ms", "mt", "mu", "mv", "mw", "mx", "my", "mz", "na", "nc",
		"ne", "nf", "ng", "ni", "nl", "no", "np", "nr", "nu", "nz", "om", "pa", "pe", "pf", "pg", "ph",
		"pk", "pl", "pm", "pn", "pr", "ps", "pt", "pw", "py", "qa", "re", "ro", "rs", "ru", "rw", "sa",
		"sb", "sc", "sd", "se", "sg", "sh", "si", "sj", "sk", "sl", "sm", "sn", "so", "sr", "ss", "st",
		"su", "sv", "sx", "sy", "sz", "tc", "td", "tf", "tg", "th", "tj", "tk", "tl", "tm", "tn", "to",
		"tr", "tt", "tv", "tw", "tz", "ua", "ug", "uk", "us", "uy", "uz", "va", "vc", "ve", "vg", "vi",
		"vn", "vu", "wf", "ws", "ye", "yt", "za", "zm", "zw",
		// internationalised TLDs
		"xn--3e0b707e", "xn--55qx5d", "xn--80asehdb", "xn--80aswg", "xn--90a3ac", "xn--90ais",
		"xn--d1alf", "xn--e1a4c", "xn--fiqs8s", "xn--fiqz9s", "xn--h2brj9c", "xn--io0a7i", "xn--j1amh",
		"xn--j6w193g", "xn--kprw13d", "xn--kpry57d", "xn--mgbaam7a8h", "xn--node", "xn--p1ai",
		"xn--qxam", "xn--wgbh1c":
		return true
	case // the original generic TLDs
		"aero", "arpa", "asia", "biz", "cat", "com", "coop", "edu", "gov", "info", "int", "jobs", "mil",
		"mobi", "museum", "name", "net", "org", "post", "pro", "tel", "travel", "xxx",
		// special-use names
		"example", "internal", "invalid", "local", "localhost", "onion", "test":
		return true
	case // newer generic TLDs
		"academy", "accountant", "accountants", "actor", "adult", "agency", "airforce", "apartments",
		"app", "archi", "army", "art", "associates", "attorney", "auction", "audio", "auto", "autos",
		"baby", "band", "bar", "bargains", "bayern", "beauty", "beer", "berlin", "best", "bet", "bid",
		"bike", "bingo", "bio", "black", "blackfriday", "blog", "blue", "boats", "bond", "boo", "book",
		"boston", "boutique", "box", "broker", "build", "builders", "business", "buzz", "cab", "cafe",
		"cam", "camera", "camp", "capital", "car", "cards", "care", "career", "careers", "cars", "casa",
		"cash", "casino", "catering", "center", "ceo", "cfd", "charity", "chat", "cheap", "christmas",
		"church", "city", "claims", "cleaning", "click", "clinic", "clothing", "cloud", "club", "coach",
		"codes", "coffee", "college", "community", "company", "computer", "condos", "construction",
		"consulting", "contractors", "cooking", "cool", "country", "coupons", "courses", "credit",
		"creditcard", "cricket", "cruises", "cymru", "cyou", "dance", "date", "dating", "deals",
		"degree", "delivery", "democrat", "dental", "dentist", "design", "dev", "diamonds", "diet",
		"digital", "direct", "directory", "discount", "doctor", "dog", "domains", "download", "earth",
		"eco", "education", "email", "energy", "engineer", "engineering", "enterprises", "equipment",
		"estate", "eus", "events", "exchange", "expert", "exposed", "express", "fail", "faith",
		"family", "fan", "fans", "farm", "fashion", "film", "finance", "financial", "fish", "fitness",
		"flights", "florist", "football", "forsale", "foundation", "free", "fund", "furniture",
		"futbol", "fyi", "gal", "gallery", "game", "games", "garden", "gay", "gdn", "gift", "gifts",
		"gives", "glass", "global", "gmbh", "gold", "golf", "graphics", "gratis", "green", "gripe",
		"group", "guide", "guitars", "guru", "hair", "hamburg", "haus", "health", "healthcare", "help",
		"hiphop", "hockey", "holdings", "holiday", "homes", "horse", "hospital", "host", "hosting",
		"house", "how", "icu", "immo", "inc", "industries", "ink", "institute", "insure",
		"international", "investments", "irish", "jetzt", "jewelry", "juegos", "kaufen", "kim",
		"kitchen", "kiwi", "land", "lat", "law", "lawyer", "lease", "legal", "lgbt", "life", "lighting",
		"limited", "limo", "link", "live", "llc", "loan", "loans", "lol", "london", "love", "ltd",
		"luxury", "maison", "makeup", "management", "market", "marketing", "mba", "media", "memorial",
		"men", "menu", "miami", "moda", "moe", "mom", "money", "monster", "mortgage", "motorcycles",
		"mov", "movie", "music", "nagoya", "navy", "network", "new", "news", "ninja", "nyc", "okinawa",
		"one", "online", "ooo", "organic", "page", "paris", "partners", "parts", "party", "pet", "phd",
		"photo", "photography", "photos", "pics", "pictures", "pink", "pizza", "place", "plumbing",
		"plus", "poker", "porn", "press", "productions", "prof", "promo", "properties", "property",
		"pub", "qpon", "quebec", "quest", "racing", "radio", "realestate", "realty", "recipes", "red",
		"rehab", "reise", "reisen", "rent", "rentals", "repair", "report", "republican", "rest",
		"restaurant", "review", "reviews", "rich", "rip", "rocks", "rodeo", "rugby", "run", "sale",
		"salon", "sarl", "sbs", "school", "schule", "science", "scot", "security", "services", "sex",
		"sexy", "shiksha", "shoes", "shop", "shopping", "show", "singles", "site", "ski", "skin",
		"soccer", "social", "software", "solar", "solutions", "soy", "spa", "space", "sport", "store",
		"stream", "studio", "study", "style", "sucks", "supplies", "supply", "support", "surf",
		"surgery", "swiss", "systems", "tattoo", "tax", "taxi", "team", "tech", "technology", "tennis",
		"theater", "tickets", "tienda", "tips", "tires", "today", "tokyo", "tools", "top", "tours",
		"town", "toys", "trade", "trading", "training", "tube", "university", "uno", "vacations",
		"vegas", "ventures", "vet", "viajes", "video", "villas", "vin", "vip", "vision", "vodka",
		"vote", "voting", "voto", "voyage", "wales", "wang", "watch", "webcam", "website", "wedding",
		"wiki", "win", "wine", "work", "works", "world", "wtf", "xin", "xyz", "yachts", "yoga", "zip",
		"zone":
		return true
	}
	return false
}
