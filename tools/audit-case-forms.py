import json
def f(id, key, label, type='textfield', required=False, **kw):
    c = {"id": id, "key": key, "label": label, "type": type}
    if required:
        c["validate"] = {"required": True}
    c.update(kw)
    return c
def number_field():
    return f("Field_CaseNumber", "caseNumber", "案件编号", readonly=True)
def docs(label="附件文档编号（在工作台上传附件后自动填写，多个用逗号分隔）"):
    return f("Field_DocumentIds", "documentIds", label)
def form(id, components):
    return {"id": id, "type": "default", "executionPlatform": "Camunda Platform", "executionPlatformVersion": "7.24.0",
            "exporter": {"name": "fundguard", "version": "1"}, "schemaVersion": 16, "components": components}
forms = {
 "audit-case-filing-decision": [number_field(),
    f("Field_FilingDecision", "filingDecision", "立案审查结论", "radio", True, values=[
        {"label": "立案", "value": "accept"}, {"label": "并入同一对象的在办案件", "value": "merge"}, {"label": "不予立案", "value": "dismiss"}]),
    f("Field_MergeInto", "mergeInto", "并入案件编号（并案时填写）", description="只能并入同一对象的在办案件"),
    f("Field_DismissReason", "dismissReason", "不予立案理由（不予立案时必填）", "textarea")],
 "audit-case-assign-inspectors": [number_field(),
    f("Field_CaseInspectors", "caseInspectors", "承办检查员账号（逗号分隔，第一位为主办）", required=True,
      description="须为执法检查人员名录库中在岗、且未声明与被检查对象存在利害关系的检查员"),
    f("Field_OnSiteCheck", "onSiteCheck", "安排现场检查（须至少两名检查员）", "checkbox")],
 "audit-case-desk-review": [number_field(),
    f("Field_DeskReviewSummary", "deskReviewSummary", "书面审查意见", "textarea", True), docs()],
 "audit-case-on-site-check": [number_field(),
    f("Field_OnSiteDate", "onSiteDate", "现场检查日期", "datetime", True, subtype="date", dateLabel="现场检查日期"),
    f("Field_OnSiteInspectors", "onSiteInspectors", "参加检查人员账号（逗号分隔，至少两名承办人）", required=True),
    f("Field_OnSiteSummary", "onSiteSummary", "现场检查情况", "textarea", True),
    docs("现场检查笔录文档编号（必填；在工作台上传笔录后自动填写）")],
 "audit-case-findings": [number_field(),
    f("Field_ViolationFound", "violationFound", "认定存在违法违规行为", "checkbox"),
    f("Field_AmountToRecover", "amountToRecover", "应追回金额（元）", "number", decimalDigits=2),
    f("Field_Articles", "articles", "违反《医疗保障基金使用监督管理条例》条款（如 38,40）"),
    f("Field_Intent", "intent", "主观情形", "select", values=[
        {"label": "违规使用（第三十八条）", "value": "IRREGULAR_USE"}, {"label": "欺诈骗保（第四十条）", "value": "FRAUD"}]),
    f("Field_FindingsSummary", "findingsSummary", "认定事实", "textarea", True), docs()],
 "audit-case-outcome": [number_field(),
    f("Field_Outcome", "outcome", "处理决定", "select", True, values=[
        {"label": "结案", "value": "close"}, {"label": "移交行政处罚程序", "value": "penalty"},
        {"label": "暂停医保服务协议", "value": "suspend"}, {"label": "移送公安机关（行刑衔接）", "value": "police"},
        {"label": "移送纪检监察机关（行纪衔接）", "value": "discipline"}]),
    f("Field_OutcomeReason", "outcomeReason", "理由", "textarea"),
    f("Field_SuspendFrom", "suspendFrom", "暂停协议起始日（暂停协议时必填）", "datetime", subtype="date", dateLabel="暂停协议起始日"),
    f("Field_SuspendUntil", "suspendUntil", "暂停协议截止日（暂停协议时必填）", "datetime", subtype="date", dateLabel="暂停协议截止日")],
 "audit-case-transfer": [number_field(),
    f("Field_ReceivingBody", "receivingBody", "接收机关", required=True),
    f("Field_TransferDate", "transferDate", "移送日期", "datetime", True, subtype="date", dateLabel="移送日期"),
    f("Field_TransferReason", "outcomeReason", "移送说明", "textarea"),
    docs("移送书文档编号（必填；在工作台上传移送书后自动填写）")],
}
for id, comps in forms.items():
    open('forms/%s.form' % id, 'w').write(json.dumps(form(id, comps), ensure_ascii=False, indent=2) + '\n')
print('ok')
