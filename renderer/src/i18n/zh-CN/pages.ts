import type { Widen } from '../widen';

/** What each page is for and the next step, shown while it is empty or not built yet. Wording: see the header of ../zh-CN.ts. */
export const pagesMessages = {
  pages: {
    next: '下一步',
    import: {
      what: '导入银行流水（查控反馈）、支付记录和聊天记录。原始文件原样留存，计算 SHA-256 与 SM3 完整性校验值，无法解析的行单独列出。',
      todo: '导入功能正在接入。届时可选择文件或整个查控反馈文件夹，并在后台查看进度。',
    },
    transactions: {
      what: '全部交易明细：本方账号、户名、对手账卡号、对手户名、收付标志、交易金额、交易余额、摘要，每行可追溯到原始文件的工作表和行号。',
      todo: '先在「导入」页导入银行流水或支付记录。',
    },
    chats: {
      what: '聊天会话与消息，标出其中出现的电话、卡号、金额等线索。',
      todo: '先在「导入」页导入聊天记录。',
    },
    timeline: {
      what: '把交易与聊天消息放在同一条时间线上，按显示时区展示，并保留原始时间文本。',
      todo: '导入交易或聊天记录后，这里会自动生成时间线。',
    },
    flow: {
      what: '资金穿透：从选定账户向去向或来源逐层追踪，标明每一跳的金额、时间窗口和归属方法。',
      todo: '导入银行流水后，在「交易」页选择账户开始追踪。',
    },
    people: {
      what: '人员关系：按户名、证件号码、电话等把账户和聊天账号归并为人员，显示共同交易对手和团伙。',
      todo: '导入数据后，这里会列出识别出的人员及其关系。',
    },
    findings: {
      what: '疑似模式：快进快出、过渡账户、分散转入集中转出、资金闭环等，每条发现链接到背后的交易。',
      todo: '导入银行流水后，运行检测即可在这里查看疑似线索。',
    },
    tags: {
      what: '给交易、消息打标签，把标签下的记录组成证据包，导出带签名、可校验的线索移交包或起诉证据包。',
      todo: '先在交易或聊天页中选中记录并打标签（快捷键 T）。',
    },
  },
} as const;

export type PagesMessages = Widen<typeof pagesMessages>;
