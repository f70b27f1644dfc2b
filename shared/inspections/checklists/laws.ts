/** The laws, regulations and standards the default checklists cite, and the row form their items take. */
import type { ChecklistIndustry, ChecklistTemplate, ItemLevel } from './model.ts';

export const law = {
  construction: '《中华人民共和国建筑法》',
  quality: '《建设工程质量管理条例》',
  safety: '《建设工程安全生产管理条例》',
  dangerous: '《危险性较大的分部分项工程安全管理规定》（住房城乡建设部令第37号）',
  safetyStandard: '《建筑施工安全检查标准》（JGJ 59-2011）',
  testing: '《建设工程质量检测管理办法》（住房城乡建设部令第57号）',
  permit: '《建筑工程施工许可管理办法》（住房城乡建设部令第18号）',
  constructor: '《注册建造师管理规定》（建设部令第153号）',
  wages: '《保障农民工工资支付条例》（国务院令第724号）',
  specialEquipment: '《中华人民共和国特种设备安全法》',
  fire: '《中华人民共和国消防法》',
  property: '《物业管理条例》',
  propertyFees: '《物业服务收费管理办法》（发改价格〔2003〕1864号）',
  propertyFeesPublic: '《物业服务收费明码标价规定》（发改价检〔2004〕1428号）',
  maintenanceFund: '《住宅专项维修资金管理办法》（建设部、财政部令第165号）',
  realEstate: '《中华人民共和国城市房地产管理法》',
  development: '《城市房地产开发经营管理条例》',
  developerQualification: '《房地产开发企业资质管理规定》（住房城乡建设部令第54号）',
  presale: '《城市商品房预售管理办法》',
  sales: '《商品房销售管理办法》（建设部令第88号）',
  pricing: '《商品房销售明码标价规定》（发改价检〔2011〕548号）',
  advertising: '《房地产广告发布规定》（国家工商总局令第80号）',
  brokerage: '《房地产经纪管理办法》',
  brokerageOpinion: '《关于规范房地产经纪服务的意见》（建房规〔2023〕2号）',
  contracts: '《中华人民共和国民法典》合同编',
} as const;

export type ItemRow = [
  code: string,
  zh: string,
  en: string,
  basis: string[],
  catalogCode: string,
  level: ItemLevel,
];

/** A version-1 template from its rows. */
export function template(industry: ChecklistIndustry, rows: readonly ItemRow[]): ChecklistTemplate {
  return {
    industry,
    version: 1,
    items: rows.map(([code, zh, en, basis, catalogCode, level]) => ({
      code,
      text: { zh, en },
      basis,
      catalogCode,
      level,
    })),
  };
}
