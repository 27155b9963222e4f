package intake

// Word lists the name and line parsers consult. They are read-only after
// package initialisation. Keys are lower-case.

// namePrefixes are honorifics written before a name. The value is the
// canonical spelling used when a name is re-cased.
var namePrefixes = map[string]string{
	"dr": "Dr", "dr.": "Dr.", "dra.": "Dra.", "prof": "Prof", "prof.": "Prof.",
	"professor": "Professor", "mr": "Mr", "mr.": "Mr.", "mrs": "Mrs", "mrs.": "Mrs.",
	"ms": "Ms", "ms.": "Ms.", "mx": "Mx", "mx.": "Mx.", "miss": "Miss", "sir": "Sir",
	"dame": "Dame", "lord": "Lord", "lady": "Lady", "rev": "Rev", "rev.": "Rev.",
	"revd": "Revd", "fr.": "Fr.", "hon.": "Hon.", "judge": "Judge", "capt.": "Capt.",
	"col.": "Col.", "gen.": "Gen.", "lt.": "Lt.", "sgt.": "Sgt.", "herr": "Herr",
	"frau": "Frau", "mme": "Mme", "mme.": "Mme.", "mlle": "Mlle", "ing.": "Ing.",
	"dipl.-ing.": "Dipl.-Ing.", "mag.": "Mag.", "sra.": "Sra.", "srta.": "Srta.",
	"sheikh": "Sheikh", "rabbi": "Rabbi", "imam": "Imam",
}

// strongSuffixes are generational suffixes and credentials recognised at
// the end of a name with or without a comma.
var strongSuffixes = map[string]string{
	"jr": "Jr", "jr.": "Jr.", "sr": "Sr", "sr.": "Sr.", "ii": "II", "iii": "III",
	"iv": "IV", "phd": "PhD", "ph.d.": "Ph.D.", "ph.d": "Ph.D", "mba": "MBA",
	"md": "MD", "m.d.": "M.D.", "dds": "DDS", "cpa": "CPA", "cfa": "CFA",
	"pmp": "PMP", "esq": "Esq", "esq.": "Esq.", "jd": "JD", "j.d.": "J.D.",
	"dphil": "DPhil", "msc": "MSc", "bsc": "BSc", "rn": "RN", "obe": "OBE",
	"mbe": "MBE", "cbe": "CBE", "kc": "KC", "qc": "QC", "frcs": "FRCS",
	"cissp": "CISSP", "faia": "FAIA", "llm": "LLM", "edd": "EdD", "dvm": "DVM",
}

// weakSuffixes are credentials that are also ordinary name tokens ("Ma" is a
// surname, "V" an initial): they count as suffixes only after a comma.
var weakSuffixes = map[string]string{
	"ma": "MA", "ms": "MS", "ba": "BA", "bs": "BS", "med": "MEd", "do": "DO",
	"v": "V", "pe": "PE", "mph": "MPH", "msw": "MSW", "lcsw": "LCSW", "cma": "CMA",
}

// particles are lower-case surname particles; they stay lower-case when a
// name is re-cased (except as the first word) and belong to the last name.
var particles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true,
	"della": true, "delle": true, "dei": true, "degli": true, "di": true, "da": true,
	"das": true, "dos": true, "do": true, "du": true, "des": true, "la": true,
	"le": true, "lo": true, "ter": true, "ten": true, "te": true, "het": true,
	"zu": true, "zum": true, "zur": true, "'t": true, "bin": true, "binti": true, "bint": true,
	"ibn": true, "al": true, "el": true, "af": true, "av": true, "y": true,
}

// conjunctionParticles join two surnames ("Ortega y Gasset"), so the word
// before them belongs to the last name too.
var conjunctionParticles = map[string]bool{"y": true}

// macNames are the Mac- surnames whose next letter is capitalised when an
// all-caps or all-lower name is re-cased. A general rule would break Mack,
// Macy and Macias.
var macNames = map[string]bool{
	"macdonald": true, "macleod": true, "mackenzie": true, "macgregor": true,
	"macmillan": true, "macintyre": true, "macarthur": true, "maclean": true,
	"macneil": true, "macpherson": true, "macaulay": true, "mackay": true,
	"macdougall": true, "macfarlane": true, "maclaren": true, "macnamara": true,
}

// jobWords mark a phrase as a job title rather than a name or a company.
var jobWords = map[string]bool{
	"ceo": true, "cto": true, "cfo": true, "coo": true, "cmo": true, "cio": true,
	"ciso": true, "cpo": true, "cro": true, "vp": true, "svp": true, "evp": true,
	"avp": true, "president": true, "founder": true, "co-founder": true,
	"cofounder": true, "owner": true, "partner": true, "principal": true,
	"director": true, "head": true, "manager": true, "lead": true, "engineer": true,
	"developer": true, "designer": true, "architect": true, "analyst": true,
	"consultant": true, "scientist": true, "researcher": true, "professor": true,
	"lecturer": true, "teacher": true, "recruiter": true, "officer": true,
	"chief": true, "executive": true, "associate": true, "assistant": true,
	"intern": true, "specialist": true, "coordinator": true, "administrator": true,
	"advisor": true, "adviser": true, "investor": true, "attorney": true,
	"lawyer": true, "counsel": true, "accountant": true, "editor": true,
	"writer": true, "journalist": true, "producer": true, "strategist": true,
	"student": true, "chair": true, "chairman": true, "chairwoman": true,
	"secretary": true, "treasurer": true, "agent": true, "broker": true,
	"realtor": true, "physician": true, "nurse": true, "representative": true,
	"rep": true, "evangelist": true, "fellow": true, "technician": true,
	"supervisor": true, "coach": true, "mentor": true, "entrepreneur": true,
	"freelancer": true, "freelance": true, "retired": true, "sales": true,
	"marketing": true, "product": true, "engineering": true, "operations": true,
	"recruiting": true, "talent": true, "hr": true, "programmer": true,
	"vice": true, "dj": true, "photographer": true, "author": true,
	"organizer": true, "organiser": true, "volunteer": true, "board": true,
	"trustee": true, "ambassador": true, "advocate": true,
	"senior": true, "junior": true, "staff": true,
}

// companySuffixes mark a phrase as an organisation.
var companySuffixes = map[string]bool{
	"inc": true, "inc.": true, "llc": true, "l.l.c.": true, "ltd": true, "ltd.": true,
	"limited": true, "gmbh": true, "ag": true, "sa": true, "s.a.": true, "sas": true,
	"sarl": true, "bv": true, "b.v.": true, "nv": true, "n.v.": true, "plc": true,
	"corp": true, "corp.": true, "corporation": true, "co": true, "co.": true,
	"company": true, "group": true, "holdings": true, "partners": true,
	"ventures": true, "capital": true, "labs": true, "technologies": true,
	"solutions": true, "consulting": true, "systems": true, "studio": true,
	"studios": true, "agency": true, "pty": true, "oy": true, "ab": true,
	"asa": true, "kk": true, "llp": true, "lp": true, "srl": true, "spa": true,
	"university": true, "institute": true, "foundation": true, "bank": true,
	"industries": true, "associates": true, "analytics": true, "logistics": true,
	"software": true, "media": true, "network": true, "networks": true,
	"traders": true, "trading": true, "design": true, "digital": true,
	"gmbh.": true, "ltda": true, "ltda.": true, "kg": true, "ug": true,
	"enterprises": true, "international": true, "renewables": true,
}

// companyKeyDrop are legal-form words ignored when companies are compared
// for de-duplication ("Acme Inc." and "ACME" are the same employer).
var companyKeyDrop = map[string]bool{
	"inc": true, "llc": true, "ltd": true, "limited": true, "gmbh": true,
	"ag": true, "sa": true, "sas": true, "sarl": true, "bv": true, "nv": true,
	"plc": true, "corp": true, "corporation": true, "co": true, "company": true,
	"the": true, "pty": true, "oy": true, "ab": true, "as": true, "asa": true,
	"kk": true, "llp": true, "lp": true, "srl": true, "spa": true,
}
