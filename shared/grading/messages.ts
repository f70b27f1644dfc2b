/**
 * Messages of credit grading and credit repair in zh-CN and en: flat i18next keys, issue codes under
 * `validation.<code>` as everywhere in shared/.
 */
type Messages = Record<string, string>;

const zhCN: Messages = {
  'validation.grading.version': '模型版本号应为正整数',
  'validation.grading.baseScore': '基础分应为 -{{max}} 到 {{max}} 之间的数',
  'validation.grading.bonusCap': '加分上限应为不小于 0 的数，或不设上限',
  'validation.grading.itemCodeDuplicate': '评分项编码 {{code}} 重复',
  'validation.grading.itemTarget': '信用记录评分项须指定一个目录项或一个信息类别；承诺和检查评分项不指定',
  'validation.grading.unknownCatalogItem': '目录中没有编码为 {{code}} 的信息项，评分项只能依据信用信息目录',
  'validation.grading.unknownCategory': '没有编码为 {{code}} 的信息类别',
  'validation.grading.points': '分值应为非零数，绝对值不超过 {{max}}',
  'validation.grading.validityMonths': '有效期应为 1 到 {{max}} 个月',
  'validation.grading.validityNeedsRecord': '只有信用记录评分项可以按公示期计算有效期',
  'validation.grading.gradeDuplicate': '等级 {{grade}} 重复',
  'validation.grading.unknownGrade': '模型中没有等级 {{grade}}',
  'validation.grading.noFallbackBand': '最后一个分数段须无分数下限，使任何得分都有等级',
  'validation.grading.bandOrder': '分数段应按下限从高到低排列',
  'validation.grading.bandOverlap':
    '分数段重叠：等级 {{grade}} 的下限 {{min}} 与上一段相同，任何得分都达不到该段',
  'validation.grading.inspectionRatio': '抽查比例应在 0 到 1 之间',
  'validation.grading.tooMany': '最多 {{max}} 项',
  'validation.ruleSet.contentMissing':
    '规则版本须且只能包含与其类型相符的内容（评分模型、名单规则、承诺事项目录清单或检查表）',
  'validation.ruleSet.headMismatch': '评分模型的编码、版本号和生效日期须与所发布版本一致',
  'validation.ruleSet.ruleCodeDuplicate': '名单规则编码 {{code}} 重复',
  'validation.ruleSet.versionPublished': '该版本已发布，不得修改；请以新的版本号发布',
  'validation.repair.notInPublicity': '只有正在公示的失信信息可以申请信用修复',
  'validation.repair.notDishonest': '只有失信信息可以申请信用修复',
  'validation.repair.notRepairable': '依据“{{basis}}”，该信息不可修复',
  'validation.repair.tooEarly': '最短公示期未满，{{date}} 起方可申请信用修复（《信用修复管理办法》）',
  'validation.repair.commitmentRequired': '申请信用修复须提交信用修复承诺书',
  'validation.repair.obligationsOutstanding':
    '须已纠正失信行为并履行法定义务（如缴清罚款）后方可申请信用修复',
  'validation.repair.applicationDate': '申请日期应为 YYYY-MM-DD 格式的真实日期',
};

const en: Messages = {
  'validation.grading.version': 'The model version must be a positive whole number',
  'validation.grading.baseScore': 'The base score must be a number from -{{max}} to {{max}}',
  'validation.grading.bonusCap': 'The bonus cap must be a number of 0 or more, or no cap',
  'validation.grading.itemCodeDuplicate': 'The score item code {{code}} is used twice',
  'validation.grading.itemTarget':
    'A credit record item names exactly one catalog item or one category; commitment and inspection items name neither',
  'validation.grading.unknownCatalogItem':
    'The catalog has no item with code {{code}}: score items may only rest on the credit information catalog',
  'validation.grading.unknownCategory': 'There is no information category with code {{code}}',
  'validation.grading.points': 'Points must be a non-zero number of at most {{max}} either way',
  'validation.grading.validityMonths': 'The validity must be 1 to {{max}} months',
  'validation.grading.validityNeedsRecord': 'Only credit record items can count for the publicity period',
  'validation.grading.gradeDuplicate': 'The grade {{grade}} is defined twice',
  'validation.grading.unknownGrade': 'The model has no grade {{grade}}',
  'validation.grading.noFallbackBand':
    'The last score band must have no minimum, so every score gets a grade',
  'validation.grading.bandOrder': 'Score bands must run from the highest minimum down',
  'validation.grading.bandOverlap':
    'Score bands overlap: grade {{grade}} starts at {{min}} like the band above it, so no score reaches it',
  'validation.grading.inspectionRatio': 'The inspection ratio must be between 0 and 1',
  'validation.grading.tooMany': 'At most {{max}} entries',
  'validation.ruleSet.contentMissing':
    'A rule version holds exactly the content of its variant (a scoring model, list rules, the list of commitment matters or a checklist)',
  'validation.ruleSet.headMismatch':
    "The scoring model's code, version and start date must be those of the published version",
  'validation.ruleSet.ruleCodeDuplicate': 'The list rule code {{code}} is used twice',
  'validation.ruleSet.versionPublished':
    'This version is already published and cannot be changed: publish it under a new version number',
  'validation.repair.notInPublicity': 'Only dishonest information under publicity can be repaired',
  'validation.repair.notDishonest': 'Only dishonest information can be repaired',
  'validation.repair.notRepairable': 'This information cannot be repaired under “{{basis}}”',
  'validation.repair.tooEarly':
    'The minimum publicity period has not passed: credit repair can be requested from {{date}} (Credit Repair Measures)',
  'validation.repair.commitmentRequired': 'A credit repair application needs the credit repair commitment',
  'validation.repair.obligationsOutstanding':
    'Credit repair needs the violation corrected and every legal obligation (such as fines) performed',
  'validation.repair.applicationDate': 'The application date must be a real date as YYYY-MM-DD',
};

export const gradingMessages: { 'zh-CN': Messages; en: Messages } = { 'zh-CN': zhCN, en };
