/**
 * Static tables for the fictional case: names, places, banks and their BINs, merchant and company name parts.
 * Bank names and BIN prefixes are real (investigators' data carries them); people, companies and insurers are
 * invented.
 */

export const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['林', 'lin'], ['罗', 'luo'], ['高', 'gao'], ['郑', 'zheng'],
  ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'],
  ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'],
  ['潘', 'pan'], ['袁', 'yuan'], ['蔡', 'cai'], ['蒋', 'jiang'], ['余', 'yu'], ['于', 'yu'], ['杜', 'du'],
  ['叶', 'ye'], ['程', 'cheng'], ['魏', 'wei'], ['苏', 'su'], ['吕', 'lv'], ['丁', 'ding'], ['任', 'ren'],
  ['卢', 'lu'], ['姚', 'yao'], ['沈', 'shen'], ['钟', 'zhong'], ['姜', 'jiang'], ['崔', 'cui'], ['谭', 'tan'],
  ['陆', 'lu'], ['范', 'fan'], ['汪', 'wang'], ['廖', 'liao'], ['石', 'shi'], ['金', 'jin'], ['韦', 'wei'],
  ['贾', 'jia'], ['夏', 'xia'], ['付', 'fu'], ['方', 'fang'], ['邹', 'zou'], ['熊', 'xiong'], ['白', 'bai'],
];

export const GIVEN_MALE: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['勇', 'yong'], ['杰', 'jie'], ['涛', 'tao'],
  ['斌', 'bin'], ['超', 'chao'], ['明', 'ming'], ['刚', 'gang'], ['平', 'ping'], ['辉', 'hui'], ['鹏', 'peng'],
  ['华', 'hua'], ['飞', 'fei'], ['鑫', 'xin'], ['波', 'bo'], ['宇', 'yu'], ['浩', 'hao'], ['凯', 'kai'],
  ['健', 'jian'], ['俊', 'jun'], ['帆', 'fan'], ['志', 'zhi'], ['国', 'guo'], ['建', 'jian'], ['文', 'wen'],
  ['海', 'hai'], ['峰', 'feng'], ['龙', 'long'], ['成', 'cheng'], ['东', 'dong'], ['亮', 'liang'], ['振', 'zhen'],
];

export const GIVEN_FEMALE: readonly (readonly [string, string])[] = [
  ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['艳', 'yan'], ['娟', 'juan'],
  ['霞', 'xia'], ['燕', 'yan'], ['玲', 'ling'], ['婷', 'ting'], ['雪', 'xue'], ['慧', 'hui'], ['琳', 'lin'],
  ['颖', 'ying'], ['倩', 'qian'], ['洁', 'jie'], ['梅', 'mei'], ['莉', 'li'], ['红', 'hong'], ['萍', 'ping'],
  ['佳', 'jia'], ['欣', 'xin'], ['悦', 'yue'], ['璐', 'lu'], ['晶', 'jing'], ['秀', 'xiu'], ['兰', 'lan'],
];

/** GB/T 2260 county-level codes with the city printed as 交易发生地 */
export interface Area {
  code: string;
  province: string;
  city: string;
  district: string;
}

export const AREAS: readonly Area[] = [
  { code: '350102', province: '福建省', city: '福州市', district: '鼓楼区' },
  { code: '350122', province: '福建省', city: '福州市', district: '连江县' },
  { code: '350203', province: '福建省', city: '厦门市', district: '思明区' },
  { code: '440305', province: '广东省', city: '深圳市', district: '南山区' },
  { code: '440306', province: '广东省', city: '深圳市', district: '宝安区' },
  { code: '440106', province: '广东省', city: '广州市', district: '天河区' },
  { code: '441900', province: '广东省', city: '东莞市', district: '东莞市' },
  { code: '330106', province: '浙江省', city: '杭州市', district: '西湖区' },
  { code: '330203', province: '浙江省', city: '宁波市', district: '海曙区' },
  { code: '310104', province: '上海市', city: '上海市', district: '徐汇区' },
  { code: '310115', province: '上海市', city: '上海市', district: '浦东新区' },
  { code: '110105', province: '北京市', city: '北京市', district: '朝阳区' },
  { code: '320102', province: '江苏省', city: '南京市', district: '玄武区' },
  { code: '320506', province: '江苏省', city: '苏州市', district: '吴中区' },
  { code: '370102', province: '山东省', city: '济南市', district: '历下区' },
  { code: '410105', province: '河南省', city: '郑州市', district: '金水区' },
  { code: '420106', province: '湖北省', city: '武汉市', district: '武昌区' },
  { code: '430104', province: '湖南省', city: '长沙市', district: '岳麓区' },
  { code: '510104', province: '四川省', city: '成都市', district: '锦江区' },
  { code: '500103', province: '重庆市', city: '重庆市', district: '渝中区' },
  { code: '610113', province: '陕西省', city: '西安市', district: '雁塔区' },
  { code: '360102', province: '江西省', city: '南昌市', district: '东湖区' },
  { code: '340104', province: '安徽省', city: '合肥市', district: '蜀山区' },
  { code: '450103', province: '广西壮族自治区', city: '南宁市', district: '青秀区' },
];

export const STREETS = ['人民路', '解放路', '建设路', '中山路', '长江路', '和平路', '新华路', '胜利街', '文化路', '滨江大道', '科技园路', '工业大道', '五一路', '东风路', '学府路'];

export type BankKey = 'ICBC' | 'CCB' | 'ABC' | 'BOC' | 'CMB' | 'COMM' | 'PSBC' | 'CIB';

export interface BankInfo {
  key: BankKey;
  name: string;
  /** short name as other banks print it in 对手开户银行 */
  short: string;
  debitBin: string;
  debitLength: number;
  creditBin: string | null;
  creditLength: number;
}

export const BANKS: readonly BankInfo[] = [
  { key: 'ICBC', name: '中国工商银行股份有限公司', short: '中国工商银行', debitBin: '622202', debitLength: 19, creditBin: null, creditLength: 16 },
  { key: 'CCB', name: '中国建设银行股份有限公司', short: '中国建设银行', debitBin: '621700', debitLength: 19, creditBin: null, creditLength: 16 },
  { key: 'ABC', name: '中国农业银行股份有限公司', short: '中国农业银行', debitBin: '622848', debitLength: 19, creditBin: null, creditLength: 16 },
  { key: 'BOC', name: '中国银行股份有限公司', short: '中国银行', debitBin: '621661', debitLength: 19, creditBin: null, creditLength: 16 },
  { key: 'CMB', name: '招商银行股份有限公司', short: '招商银行', debitBin: '622588', debitLength: 16, creditBin: '622580', creditLength: 16 },
  { key: 'COMM', name: '交通银行股份有限公司', short: '交通银行', debitBin: '622262', debitLength: 19, creditBin: null, creditLength: 16 },
  { key: 'PSBC', name: '中国邮政储蓄银行股份有限公司', short: '中国邮政储蓄银行', debitBin: '621098', debitLength: 19, creditBin: null, creditLength: 16 },
  { key: 'CIB', name: '兴业银行股份有限公司', short: '兴业银行', debitBin: '622908', debitLength: 18, creditBin: null, creditLength: 16 },
];

export function bankInfo(key: BankKey): BankInfo {
  const info = BANKS.find((b) => b.key === key);
  if (!info) throw new Error(`unknown bank ${key}`);
  return info;
}

/** Alipay prints bound cards as 借记卡:<code>:<card> */
export const ALIPAY_BANK_CODES: Record<BankKey, string> = {
  ICBC: 'ICBC', CCB: 'CCB', ABC: 'ABC', BOC: 'BOC', CMB: 'CMB', COMM: 'COMM', PSBC: 'PSBC', CIB: 'CIB',
};

export interface MerchantKind {
  mcc: string;
  words: readonly string[];
  suffix: string;
  /** typical ticket in 分 */
  min: number;
  max: number;
}

export const MERCHANT_KINDS: readonly MerchantKind[] = [
  { mcc: '5411', words: ['惠民', '好邻居', '鸿运', '万家福', '佳乐'], suffix: '超市', min: 800, max: 60_000 },
  { mcc: '5812', words: ['老街', '聚福', '川味', '湘里', '粤香'], suffix: '餐厅', min: 1_500, max: 80_000 },
  { mcc: '5541', words: ['金龙', '顺通', '中兴', '路路通'], suffix: '加油站', min: 10_000, max: 60_000 },
  { mcc: '5499', words: ['便民', '快客', '邻里', '24小时'], suffix: '便利店', min: 300, max: 8_000 },
  { mcc: '5912', words: ['康民', '仁和', '益丰'], suffix: '大药房', min: 1_000, max: 40_000 },
  { mcc: '5732', words: ['数码港', '星辰', '科达'], suffix: '电器行', min: 20_000, max: 900_000 },
  { mcc: '7011', words: ['锦程', '悦来', '如家园'], suffix: '酒店', min: 15_000, max: 120_000 },
  { mcc: '5311', words: ['新世纪', '百佳', '华联'], suffix: '百货', min: 3_000, max: 200_000 },
];

export const COMPANY_WORDS = ['恒通', '鼎盛', '华泰', '宏远', '瑞丰', '嘉禾', '永信', '天成', '利达', '盛源', '海川', '金桥', '众合', '博远', '新锐', '远航'];
export const COMPANY_TRADES = ['科技', '贸易', '物流', '建材', '电子', '餐饮管理', '信息技术', '装饰工程', '供应链', '医疗器械'];

export const INSURERS = ['安诚永泰人寿保险股份有限公司', '宏盛人寿保险股份有限公司', '瑞安康人寿保险股份有限公司', '泰和鑫人寿保险股份有限公司'];
export const CONSUMER_LENDERS = ['恒信消费金融有限公司', '惠民小额贷款有限公司', '信达通消费金融有限公司'];

export const TENPAY_NAME = '财付通支付科技有限公司';
export const ALIPAY_NAME = '支付宝（中国）网络技术有限公司';
export const ACQUIRER_NAME = '银联商务股份有限公司';
