# Generates bpmn/audit-case.bpmn (process + diagram) from one table, so ids, flows and layout stay consistent.
import html
W = {'task': (120, 80), 'event': (36, 36), 'gateway': (50, 50)}
nodes = []   # (id, kind, tag, name, x, y, attrs, inner, parent)
flows = []   # (id, src, tgt, cond, parent)
def node(id, tag, name, x, y, attrs='', inner='', parent=None):
    kind = 'task' if tag in ('userTask', 'serviceTask', 'receiveTask') else 'gateway' if 'Gateway' in tag else 'event'
    nodes.append(dict(id=id, kind=kind, tag=tag, name=name, x=x, y=y, attrs=attrs, inner=inner, parent=parent))
def flow(id, s, t, cond=None, parent=None, name=None):
    flows.append(dict(id=id, s=s, t=t, cond=cond, parent=parent, name=name))

FORM = 'camunda:formRefBinding="latest" camunda:formRef="%s"'
def listener(method):
    return '<bpmn:extensionElements><camunda:taskListener event="complete" expression="${auditCaseTasks.%s(task)}"/></bpmn:extensionElements>' % method
def timer(expr):
    return '<bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">%s</bpmn:timeDate></bpmn:timerEventDefinition>' % html.escape(expr)

y0 = 260
node('Event_CaseOpened', 'startEvent', '案件已登记', 60, y0)
node('Task_SetFilingDeadline', 'serviceTask', '计算立案审查期限', 140, y0,
     'camunda:expression="${caseDeadlines.fileBy(caseId, receivedAt)}" camunda:resultVariable="filingDue"')
node('Task_DecideWhetherToFile', 'userTask', '立案审查', 320, y0,
     'camunda:candidateGroups="director" camunda:dueDate="${filingDue}" ' + FORM % 'audit-case-filing-decision',
     listener('filingDecided'))
node('Event_FilingReminderDue', 'boundaryEvent', '立案审查期限将至', 340, y0,
     'attachedToRef="Task_DecideWhetherToFile" cancelActivity="false"', timer('${deadlines.reminderBefore(filingDue, reminderWorkingDays)}'))
node('Event_FilingOverdue', 'boundaryEvent', '立案审查已超期', 400, y0,
     'attachedToRef="Task_DecideWhetherToFile" cancelActivity="false"', timer('${filingDue}'))
node('Task_RemindOfFilingDeadline', 'serviceTask', '提醒立案审查期限', 300, 400,
     'camunda:expression="${caseDeadlines.remind(caseId, \'FILING\')}"')
node('Event_FilingReminded', 'endEvent', '已提醒', 330, 530)
node('Task_EscalateOverdueFiling', 'serviceTask', '超期提请负责人督办', 460, 400,
     'camunda:expression="${caseDeadlines.escalate(caseId, \'FILING\')}"')
node('Event_FilingEscalated', 'endEvent', '已督办', 490, 530)
node('Gateway_FilingDecision', 'exclusiveGateway', '立案审查结论？', 500, y0)
node('Event_CaseMerged', 'endEvent', '已并案', 600, 100)
node('Event_CaseDismissed', 'endEvent', '不予立案', 600, 160)
node('Task_AssignInspectors', 'userTask', '指派检查员', 600, y0,
     'camunda:candidateGroups="director" ' + FORM % 'audit-case-assign-inspectors', listener('inspectorsAssigned'))
node('Task_SetInvestigationDeadline', 'serviceTask', '计算调查期限', 770, y0,
     'camunda:expression="${caseDeadlines.investigateBy(caseId)}" camunda:resultVariable="investigationDue"')
# investigation sub-process
SX, SY = 940, 170
node('Sub_Investigation', 'subProcess', '调查取证', SX, SY)
node('Event_InvestigationStarted', 'startEvent', '开始调查', SX + 30, y0, parent='Sub_Investigation')
node('Task_ReviewEvidenceAtDesk', 'userTask', '书面审查证据', SX + 110, y0,
     'camunda:candidateUsers="${caseInspectors}" camunda:dueDate="${investigationDue}" ' + FORM % 'audit-case-desk-review',
     listener('deskReviewDone'), parent='Sub_Investigation')
node('Gateway_OnSiteCheckPlanned', 'exclusiveGateway', '安排现场检查？', SX + 280, y0, parent='Sub_Investigation')
node('Task_CheckOnSite', 'userTask', '现场检查并记录', SX + 370, SY + 20,
     'camunda:candidateUsers="${caseInspectors}" camunda:dueDate="${investigationDue}" ' + FORM % 'audit-case-on-site-check',
     listener('onSiteCheckDone'), parent='Sub_Investigation')
node('Gateway_OnSiteCheckDone', 'exclusiveGateway', None, SX + 540, y0, parent='Sub_Investigation')
node('Task_RecordFindings', 'userTask', '调查认定', SX + 630, y0,
     'camunda:candidateUsers="${caseInspectors}" camunda:dueDate="${investigationDue}" ' + FORM % 'audit-case-findings',
     listener('findingsRecorded'), parent='Sub_Investigation')
node('Event_InvestigationFinished', 'endEvent', '调查终结', SX + 800, y0, parent='Sub_Investigation')
SW, SH = 860, 200
node('Event_InvestigationReminderDue', 'boundaryEvent', '调查期限将至', SX + 200, SY + SH,
     'attachedToRef="Sub_Investigation" cancelActivity="false"', timer('${deadlines.reminderBefore(investigationDue, reminderWorkingDays)}'))
node('Event_InvestigationOverdue', 'boundaryEvent', '调查已超期', SX + 500, SY + SH,
     'attachedToRef="Sub_Investigation" cancelActivity="false"', timer('${investigationDue}'))
node('Task_RemindOfInvestigationDeadline', 'serviceTask', '提醒调查期限', SX + 160, 480,
     'camunda:expression="${caseDeadlines.remind(caseId, \'INVESTIGATION\')}"')
node('Event_InvestigationReminded', 'endEvent', '已提醒', SX + 190, 610)
node('Task_EscalateOverdueInvestigation', 'serviceTask', '超期提请负责人督办', SX + 460, 480,
     'camunda:expression="${caseDeadlines.escalate(caseId, \'INVESTIGATION\')}"')
node('Event_InvestigationEscalated', 'endEvent', '已督办', SX + 490, 610)
OX = SX + SW + 60
node('Task_DecideOutcome', 'userTask', '作出处理决定', OX, y0,
     'camunda:candidateGroups="director" ' + FORM % 'audit-case-outcome', listener('outcomeDecided'))
node('Gateway_Outcome', 'exclusiveGateway', '处理决定？', OX + 170, y0)
node('Task_HandOverToPenaltyProcedure', 'serviceTask', '移交行政处罚程序', OX + 270, 60,
     'camunda:expression="${caseOutcomes.requestPenaltyProcedure(caseId)}"')
node('Task_AwaitPenaltyProcedure', 'receiveTask', '等待行政处罚程序', OX + 430, 60,
     'messageRef="Message_PenaltyProcedureConcluded"')
node('Task_RecordPenaltyProcedureConcluded', 'serviceTask', '记录处罚程序结束', OX + 590, 60,
     'camunda:expression="${caseOutcomes.penaltyProcedureConcluded(caseId)}"')
node('Task_SuspendServiceAgreement', 'serviceTask', '暂停医保服务协议', OX + 430, 170,
     'camunda:expression="${caseOutcomes.suspendAgreement(caseId)}"')
node('Task_CloseCase', 'serviceTask', '结案', OX + 750, y0, 'camunda:expression="${caseOutcomes.close(caseId)}"')
node('Event_CaseClosed', 'endEvent', '已结案', OX + 920, y0)
node('Task_RecordTransfer', 'userTask', '登记移送', OX + 430, 400,
     'camunda:candidateGroups="director" ' + FORM % 'audit-case-transfer', listener('transferRecorded'))
node('Event_CaseTransferred', 'endEvent', '已移送', OX + 620, 400)

flow('Flow_ToFilingDeadline', 'Event_CaseOpened', 'Task_SetFilingDeadline')
flow('Flow_ToFilingDecision', 'Task_SetFilingDeadline', 'Task_DecideWhetherToFile')
flow('Flow_ToFilingReminder', 'Event_FilingReminderDue', 'Task_RemindOfFilingDeadline')
flow('Flow_FilingReminderDone', 'Task_RemindOfFilingDeadline', 'Event_FilingReminded')
flow('Flow_ToFilingEscalation', 'Event_FilingOverdue', 'Task_EscalateOverdueFiling')
flow('Flow_FilingEscalationDone', 'Task_EscalateOverdueFiling', 'Event_FilingEscalated')
flow('Flow_FilingDecided', 'Task_DecideWhetherToFile', 'Gateway_FilingDecision')
flow('Flow_Merged', 'Gateway_FilingDecision', 'Event_CaseMerged', "${filingDecision == 'merge'}", name='并案')
flow('Flow_Dismissed', 'Gateway_FilingDecision', 'Event_CaseDismissed', "${filingDecision == 'dismiss'}", name='不予立案')
flow('Flow_Accepted', 'Gateway_FilingDecision', 'Task_AssignInspectors', "${filingDecision == 'accept'}", name='立案')
flow('Flow_ToInvestigationDeadline', 'Task_AssignInspectors', 'Task_SetInvestigationDeadline')
flow('Flow_ToInvestigation', 'Task_SetInvestigationDeadline', 'Sub_Investigation')
flow('Flow_ToDeskReview', 'Event_InvestigationStarted', 'Task_ReviewEvidenceAtDesk', parent='Sub_Investigation')
flow('Flow_DeskReviewDone', 'Task_ReviewEvidenceAtDesk', 'Gateway_OnSiteCheckPlanned', parent='Sub_Investigation')
flow('Flow_OnSitePlanned', 'Gateway_OnSiteCheckPlanned', 'Task_CheckOnSite', '${onSiteCheck}', parent='Sub_Investigation', name='是')
flow('Flow_NoOnSite', 'Gateway_OnSiteCheckPlanned', 'Gateway_OnSiteCheckDone', '${!onSiteCheck}', parent='Sub_Investigation', name='否')
flow('Flow_OnSiteDone', 'Task_CheckOnSite', 'Gateway_OnSiteCheckDone', parent='Sub_Investigation')
flow('Flow_ToFindings', 'Gateway_OnSiteCheckDone', 'Task_RecordFindings', parent='Sub_Investigation')
flow('Flow_FindingsDone', 'Task_RecordFindings', 'Event_InvestigationFinished', parent='Sub_Investigation')
flow('Flow_ToInvestigationReminder', 'Event_InvestigationReminderDue', 'Task_RemindOfInvestigationDeadline')
flow('Flow_InvestigationReminderDone', 'Task_RemindOfInvestigationDeadline', 'Event_InvestigationReminded')
flow('Flow_ToInvestigationEscalation', 'Event_InvestigationOverdue', 'Task_EscalateOverdueInvestigation')
flow('Flow_InvestigationEscalationDone', 'Task_EscalateOverdueInvestigation', 'Event_InvestigationEscalated')
flow('Flow_ToOutcome', 'Sub_Investigation', 'Task_DecideOutcome')
flow('Flow_OutcomeDecided', 'Task_DecideOutcome', 'Gateway_Outcome')
flow('Flow_Penalty', 'Gateway_Outcome', 'Task_HandOverToPenaltyProcedure', "${outcome == 'penalty'}", name='行政处罚')
flow('Flow_ToAwaitPenalty', 'Task_HandOverToPenaltyProcedure', 'Task_AwaitPenaltyProcedure')
flow('Flow_PenaltyConcluded', 'Task_AwaitPenaltyProcedure', 'Task_RecordPenaltyProcedureConcluded')
flow('Flow_CloseAfterPenalty', 'Task_RecordPenaltyProcedureConcluded', 'Task_CloseCase')
flow('Flow_Suspend', 'Gateway_Outcome', 'Task_SuspendServiceAgreement', "${outcome == 'suspend'}", name='暂停协议')
flow('Flow_CloseAfterSuspension', 'Task_SuspendServiceAgreement', 'Task_CloseCase')
flow('Flow_Close', 'Gateway_Outcome', 'Task_CloseCase', "${outcome == 'close'}", name='结案')
flow('Flow_Transfer', 'Gateway_Outcome', 'Task_RecordTransfer', "${outcome == 'police' || outcome == 'discipline'}", name='移送')
flow('Flow_Transferred', 'Task_RecordTransfer', 'Event_CaseTransferred')
flow('Flow_Closed', 'Task_CloseCase', 'Event_CaseClosed')

byid = {n['id']: n for n in nodes}
def size(n):
    if n['tag'] == 'subProcess':
        return (SW, SH)
    return W[n['kind']]
def center_y(n):
    return n['y']
def bounds(n):
    w, h = size(n)
    if n['tag'] == 'boundaryEvent':
        return n['x'], n['y'] - h // 2 if False else (n['x'], n['y'])
    if n['tag'] == 'subProcess':
        return n['x'], n['y']
    return n['x'], n['y'] - h // 2

# boundary events sit on the bottom edge of what they are attached to
for n in nodes:
    if n['tag'] == 'boundaryEvent':
        host = byid[n['attrs'].split('attachedToRef="')[1].split('"')[0]]
        hx, hy = bounds(host)
        hw, hh = size(host)
        n['bx'] = n['x'] - 18 if host['tag'] == 'subProcess' else hx + (20 if 'Reminder' in n['id'] else 70)
        n['by'] = hy + hh - 18
def box(n):
    w, h = size(n)
    if n['tag'] == 'boundaryEvent':
        return n['bx'], n['by'], w, h
    x, y = bounds(n)
    return x, y, w, h
def mid(n, side):
    x, y, w, h = box(n)
    return {'r': (x + w, y + h // 2), 'l': (x, y + h // 2), 'b': (x + w // 2, y + h), 't': (x + w // 2, y)}[side]

def el(n):
    name = '' if n['name'] is None else ' name="%s"' % html.escape(n['name'])
    inner = n['inner']
    tag = n['tag']
    ins = [f['id'] for f in flows if f['t'] == n['id']]
    outs = [f['id'] for f in flows if f['s'] == n['id']]
    refs = ''.join('<bpmn:incoming>%s</bpmn:incoming>' % i for i in ins) + ''.join('<bpmn:outgoing>%s</bpmn:outgoing>' % o for o in outs)
    if tag == 'subProcess':
        children = ''.join('\n      ' + el(c) for c in nodes if c['parent'] == n['id'])
        children += ''.join('\n      ' + fl(f) for f in flows if f['parent'] == n['id'])
        return '<bpmn:subProcess id="%s"%s>%s%s\n    </bpmn:subProcess>' % (n['id'], name, refs, children)
    attrs = (' ' + n['attrs']) if n['attrs'] else ''
    return '<bpmn:%s id="%s"%s%s>%s%s</bpmn:%s>' % (tag, n['id'], name, attrs, inner if 'extensionElements' in inner else '', refs + ('' if 'extensionElements' in inner else inner), tag)

def fl(f):
    name = ' name="%s"' % f['name'] if f['name'] else ''
    if f['cond']:
        return '<bpmn:sequenceFlow id="%s"%s sourceRef="%s" targetRef="%s"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression></bpmn:sequenceFlow>' % (f['id'], name, f['s'], f['t'], html.escape(f['cond']))
    return '<bpmn:sequenceFlow id="%s"%s sourceRef="%s" targetRef="%s"/>' % (f['id'], name, f['s'], f['t'])

out = ['<?xml version="1.0" encoding="UTF-8"?>',
'<!-- The audit case (稽核案件): filing decision, inspectors, investigation, findings, outcome. Generated from',
'     tools/audit-case-bpmn.py, which keeps ids, flows and diagram together; edit that table, not this file. -->',
'<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"',
'                  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"',
'                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
'                  id="Definitions_AuditCase" targetNamespace="http://fundguard.org/bpmn" exporter="fundguard" exporterVersion="1">',
'  <bpmn:message id="Message_PenaltyProcedureConcluded" name="Message_PenaltyProcedureConcluded"/>',
'  <bpmn:process id="audit-case" name="稽核案件" isExecutable="true" camunda:historyTimeToLive="P3650D">']
for n in nodes:
    if n['parent'] is None:
        out.append('    ' + el(n))
for f in flows:
    if f['parent'] is None:
        out.append('    ' + fl(f))
out.append('  </bpmn:process>')
out.append('  <bpmndi:BPMNDiagram id="Diagram_AuditCase"><bpmndi:BPMNPlane id="Plane_AuditCase" bpmnElement="audit-case">')
for n in nodes:
    x, y, w, h = box(n)
    extra = ' isExpanded="true"' if n['tag'] == 'subProcess' else ''
    out.append('    <bpmndi:BPMNShape id="%s_di" bpmnElement="%s"%s><dc:Bounds x="%d" y="%d" width="%d" height="%d"/></bpmndi:BPMNShape>' % (n['id'], n['id'], extra, x, y, w, h))
for f in flows:
    s, t = byid[f['s']], byid[f['t']]
    sx, sy, sw, sh = box(s); tx, ty, tw, th = box(t)
    if s['tag'] == 'boundaryEvent':
        a = mid(s, 'b'); b = mid(t, 't'); pts = [a, (a[0], b[1] - 20), (b[0], b[1] - 20), b] if a[0] != b[0] else [a, b]
    elif abs((sy + sh / 2) - (ty + th / 2)) < 2:
        pts = [mid(s, 'r'), mid(t, 'l')]
    else:
        a = mid(s, 'r') if tx > sx + sw else mid(s, 'b'); b = mid(t, 'l') if tx > sx + sw else mid(t, 't')
        if s['kind'] == 'gateway':
            a = mid(s, 't') if ty < sy else mid(s, 'b'); pts = [a, (a[0], b[1]), b]
        elif t['kind'] == 'gateway' and tx > sx:
            b = mid(t, 't') if ty < sy else mid(t, 'b'); pts = [a, (b[0], a[1]), b]
        else:
            pts = [a, ((a[0] + b[0]) // 2, a[1]), ((a[0] + b[0]) // 2, b[1]), b]
    wps = ''.join('<di:waypoint x="%d" y="%d"/>' % p for p in pts)
    out.append('    <bpmndi:BPMNEdge id="%s_di" bpmnElement="%s">%s</bpmndi:BPMNEdge>' % (f['id'], f['id'], wps))
out.append('  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>')
out.append('</bpmn:definitions>')
open('bpmn/audit-case.bpmn', 'w').write('\n'.join(out) + '\n')
print('ok', len(nodes), len(flows))
