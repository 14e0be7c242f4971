package thehivetest

import "net/http"

// addProcedure records an ATT&CK technique on the case or alert id
// (parent is "case" or "alert"); patternId and occurDate are required, as
// in TheHive 5's InputProcedure. The fake loads no ATT&CK catalog, so it
// takes any pattern id and names it after itself.
func (s *Server) addProcedure(parent, id string, in map[string]any, user string) answer {
	parentKind := map[string]string{"case": kindCase, "alert": kindAlert}[parent]
	if parentKind == kindCase {
		id = s.caseID(id)
	}
	if _, ok := in["occurDate"].(float64); !ok {
		var p problems
		p.add("occurDate", "required")
		return answer{problems: p}
	}
	d := doc{"__" + parentKind: id, "patternName": in["patternId"]}
	copyFields(in, d, "patternId", "occurDate", "tactic", "description")
	if t, ok := in["tactic"]; ok {
		d["tacticLabel"] = t
	}
	return s.addChild(kindProcedure, parentKind, id, "patternId", in, d, user)
}

// addPage adds a page to the case caseID; title, content and category are
// required, as in TheHive 5's InputCreatePage.
func (s *Server) addPage(caseID string, in map[string]any, user string) answer {
	var p problems
	p.required(in, "content", "category")
	if len(p) > 0 {
		return answer{problems: p}
	}
	d := doc{"__case": caseID, "order": 0}
	copyFields(in, d, "title", "content", "category", "order")
	return s.addChild(kindPage, kindCase, caseID, "title", in, d, user)
}

// casePage gets, patches or deletes the page pageID of the case caseID.
func (s *Server) casePage(caseID, pageID, method string, in map[string]any, user string) answer {
	if pg := s.find(kindPage, pageID); pg == nil || pg["__case"] != caseID {
		return notFound("Page", pageID)
	}
	if a, ok := s.object(kindPage, pageID, method, in, false, user); ok {
		return a
	}
	return fail(http.StatusMethodNotAllowed, "BadRequest", method+" not allowed")
}
