/**
 * Default word lists of the detectors (editable per run as parameters): which counterparties are payment platforms
 * or clearing houses, which are financial institutions and public bodies, and which summaries mark a row as an
 * ordinary household or business item rather than a person-to-person transfer.
 */

/** payment platforms, acquirers and clearing houses: money passes them on its way, they are not parties to it */
export const PAYMENT_PLATFORMS = '财付通|支付宝|银联|网联|清算|拉卡拉|快钱|易宝|通联支付|汇付|连连|京东支付|美团支付|壹钱包|银盛|随行付|收银宝|备付金';

/** banks, insurers, lenders, card centres, tax and social-security bodies */
export const INSTITUTIONS = `${PAYMENT_PLATFORMS}|银行|信用社|保险|人寿|财险|消费金融|小额贷款|融资租赁|信托|证券|基金管理|信用卡中心|社会保险|社保|公积金|国家金库|国库|税务|财政`;

/** summaries of ordinary items: wages, loan and card repayments, shopping, utilities, interest, fees, top-ups */
export const ORDINARY_SUMMARIES = '工资|代发|薪|奖金|报销|还款|贷款|放款|消费|POS|扫码|扫二维码|付款码|在线支付|商品|订单|外卖|缴费|充值|提现|结息|利息|社保|公积金|个税|税|水电|燃气|话费|年费|手续费|管理费|短信|理财|退货|退款|结算';

/** words of a loan disbursement (放款/贷款发放 …) */
export const DISBURSEMENT_WORDS = '放款|贷款发放|发放贷款|经营贷|消费贷|贷款入账|借款发放|放贷';

/** words of a loan or card repayment */
export const REPAYMENT_WORDS = '还款|还贷|贷款归还|信用卡还款|还本|付息';

/** words of an insurance surrender refund (退保/退费/保全) */
export const SURRENDER_WORDS = '退保|保全退费|退费|保单退|现金价值';

/** words of a card-acquiring settlement */
export const SETTLEMENT_WORDS = 'POS结算|商户结算|结算款|清算款';

/** words of a POS or online card spend */
export const SPEND_WORDS = '消费|POS|刷卡|快捷支付';
