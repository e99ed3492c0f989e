import type { TemplateField } from '../../domain';

/** How headers are recognised for one kind of table: exact names, then looser "contains" rules (first rule wins). */
export interface KindWords {
  exact: ReadonlyMap<string, TemplateField>;
  contains: readonly (readonly [RegExp, TemplateField])[];
}

interface Words {
  /** header words beyond the bank aliases, normalised (no spaces, lower case) */
  extra: Readonly<Partial<Record<TemplateField, readonly string[]>>>;
  contains: readonly (readonly [RegExp, TemplateField])[];
}

/** 账户信息-like tables: bank account lists, card lists from other institutions, English KYC exports. */
export const ACCOUNT_WORDS: Words = {
  extra: {
    account: ['account', 'accountno', 'accountno.', 'accountnumber', 'acctno', 'cardno', 'cardnumber', '账户', '卡号/账号', '账号/卡号', '帐号'],
    accountName: ['accountname', 'holdername', 'accountholder', 'customername', 'name', '户主', '持卡人'],
    accountId: ['idnumber', 'idno', 'holderid', '身份证号', '身份证号码', '证件号'],
    idType: ['idtype', 'documenttype', '证件种类'],
    bank: ['bank', 'bankname', '开户行名称', '发卡行'],
    branch: ['branch', 'branchname'],
    openedAt: ['opendate', 'openingdate', 'dateopened', 'opened', 'opentime', '开户日'],
    accountStatus: ['status', 'accountstatus', '状态'],
    balance: ['balance', 'currentbalance'],
    currency: ['currency', 'ccy'],
    phone: ['phone', 'mobile', 'phonenumber', 'mobileno', 'mobilenumber', '手机号', '手机号码', '电话', '预留电话', '绑定手机'],
  },
  contains: [
    [/证件类型|证照类型|idtype|documenttype/, 'idType'],
    [/证件|证照|身份证|idno|idnumber|passport/, 'accountId'],
    [/开户行|银行|发卡|bank/, 'bank'],
    [/网点|支行|branch/, 'branch'],
    [/余额|balance/, 'balance'],
    [/(开户|开卡|开立|开通)(时间|日期|日)|open/, 'openedAt'],
    [/状态|status/, 'accountStatus'],
    [/币种|currency/, 'currency'],
    [/手机|电话|phone|mobile/, 'phone'],
    [/户名|姓名|名称|持卡人|holder|name/, 'accountName'],
    [/卡号|账号|帐号|账户|account|card/, 'account'],
  ],
};

/** 人员信息-like tables: people with their identity documents, phones and addresses. */
export const PERSON_WORDS: Words = {
  extra: {
    name: ['name', 'fullname', 'customername', 'personname', '名字', '户名', '人员姓名'],
    idType: ['idtype', 'documenttype', '证件种类'],
    idNumber: ['idnumber', 'idno', 'documentnumber', 'documentno', 'passportno', 'identitynumber', '身份证', '公民身份号码', '证件号'],
    phone: ['phone', 'mobile', 'phonenumber', 'mobileno', 'tel', 'telephone', '电话', '电话号码', '手机', '联系方式'],
    address: ['address', 'addr', 'homeaddress', '地址', '住址', '家庭住址', '户籍地址', '户籍地', '联系地址', '居住地址', '现住址', '通讯地址'],
  },
  contains: [
    [/证件类型|证照类型|idtype|documenttype/, 'idType'],
    [/证件|证照|身份证|身份号码|idno|idnumber|passport/, 'idNumber'],
    [/手机|电话|phone|mobile|tel/, 'phone'],
    [/地址|住址|address/, 'address'],
    [/姓名|名称|name/, 'name'],
  ],
};

/** Chat message tables: forensic tools' 聊天记录 sheets and hand-kept spreadsheets, Chinese or English. */
export const MESSAGE_WORDS: Words = {
  extra: {
    conversation: ['会话', '会话id', '聊天对象', '对话', '群id', '群号', 'chat', 'chatid', 'conversation', 'conversationid', 'thread', 'threadid', 'talker'],
    conversationTitle: ['会话名称', '群名称', '群聊名称', '聊天名称', '会话标题', 'chatname', 'chattitle', 'conversationname', 'title', 'groupname'],
    senderId: ['发送人id', '发送者id', '发送人账号', '发送者账号', '发送方账号', '发送人微信号', '发送人qq', 'senderid', 'fromid', 'from_id', 'userid', 'sender_id'],
    senderName: ['发送人', '发送者', '发送方', '发送人昵称', '发送者昵称', '昵称', 'sender', 'sendername', 'from', 'author', 'name', 'nickname'],
    time: ['时间', '发送时间', '消息时间', '聊天时间', 'time', 'datetime', 'date/time', 'timestamp', 'sendtime', 'senttime', 'sent', 'createtime'],
    date: ['日期', 'date'],
    text: ['内容', '消息内容', '聊天内容', '消息', '正文', '文本', 'text', 'content', 'message', 'body', 'msg'],
    messageType: ['消息类型', '类型', '内容类型', 'type', 'messagetype', 'msgtype', 'contenttype'],
  },
  contains: [
    [/时间|time/, 'time'],
    [/日期|date/, 'date'],
    [/会话名|群名|聊天名|title/, 'conversationTitle'],
    [/会话|群|chat|conversation|thread|对话/, 'conversation'],
    [/(发送|sender|from).*(id|账号|号)/, 'senderId'],
    [/发送|sender|from|author|昵称|nickname/, 'senderName'],
    [/类型|type/, 'messageType'],
    [/内容|消息|content|message|text|body/, 'text'],
  ],
};
