'use strict';
// One device running the official OpenIM SDK core: the native library shipped in @openim/electron-client-sdk,
// bound with koffi exactly as that package binds it (lib/index.js), without Electron. The SDK core keeps one
// global session per process, so every device is its own node process.
//
// Usage: node device.js '<IMConfig JSON>'   (apiAddr, wsAddr, platformID, dataDir, logLevel)
// Commands come on stdin, one JSON object a line: {"id":1,"op":"login","userID":"u","token":"t"}.
// Everything the test reads goes to stdout, one JSON object a line:
//   {"type":"ready","sdkVersion":"v3.8.3-patch.15"}
//   {"type":"reply","id":1,"errCode":0,"errMsg":"","data":...}     the answer to a command
//   {"type":"event","event":"OnRecvNewMessages","data":...}        a listener callback of the SDK
// The SDK logs to its standard output, which is moved to <dataDir>/sdk.log so it never mixes with these lines
// (logging to stdout also makes the SDK write every line at once: its log files are flushed only every 2 s).

const fs = require('fs');
const path = require('path');
const readline = require('readline');
const koffi = require('koffi');

const LIBRARY = path.join(__dirname, 'node_modules', '@openim', 'electron-client-sdk', 'assets',
  `${process.platform}_${process.arch}`, process.platform === 'darwin' ? 'libopenimsdk.dylib' : 'libopenimsdk.so');

// The listener event numbers, in the order of openim-sdk-cpp's go/constant.go (the Electron SDK's NativeEvent),
// named after the Go SDK's callback methods.
const EVENTS = [
  'OnConnecting', 'OnConnectSuccess', 'OnConnectFailed', 'OnKickedOffline', 'OnUserTokenExpired',
  'OnJoinedGroupAdded', 'OnJoinedGroupDeleted', 'OnGroupMemberAdded', 'OnGroupMemberDeleted',
  'OnGroupApplicationAdded', 'OnGroupApplicationDeleted', 'OnGroupInfoChanged', 'OnGroupDismissed',
  'OnGroupMemberInfoChanged', 'OnGroupApplicationAccepted', 'OnGroupApplicationRejected',
  'OnFriendApplicationAdded', 'OnFriendApplicationDeleted', 'OnFriendApplicationAccepted',
  'OnFriendApplicationRejected', 'OnFriendAdded', 'OnFriendDeleted', 'OnFriendInfoChanged', 'OnBlackAdded',
  'OnBlackDeleted', 'OnSyncServerStart', 'OnSyncServerFinish', 'OnSyncServerProgress', 'OnSyncServerFailed',
  'OnNewConversation', 'OnConversationChanged', 'OnTotalUnreadMessageCountChanged', 'OnRecvNewMessage',
  'OnRecvC2CReadReceipt', 'OnRecvGroupReadReceipt', 'OnNewRecvMessageRevoked', 'OnRecvMessageExtensionsChanged',
  'OnRecvMessageExtensionsDeleted', 'OnRecvMessageExtensionsAdded', 'OnRecvOfflineNewMessage', 'OnMsgDeleted',
  'OnRecvNewMessages', 'OnRecvOfflineNewMessages', 'OnSelfInfoUpdated', 'OnUserStatusChanged',
  'OnRecvCustomBusinessMessage', 'OnMessageKvInfoChanged', 'OnOpen', 'OnPartSize', 'OnHashPartProgress',
  'OnHashPartComplete', 'OnUploadID', 'OnUploadPartComplete', 'OnUploadComplete', 'OnComplete',
  'OnConversationUserInputStatusChanged', 'OnRecvOnlineOnlyMessage', 'OnUserTokenInvalid', 'OnProgress',
];

const config = JSON.parse(process.argv[2]);
const out = keepStdoutForProtocol(path.join(config.dataDir, 'sdk.log'));

function emit(line) {
  const text = JSON.stringify(line) + '\n';
  const bytes = Buffer.from(text);
  let written = 0;
  while (written < bytes.length) {
    try {
      written += fs.writeSync(out, bytes, written);
    } catch (e) {
      if (e.code === 'EPIPE') process.exit(0); // the test that reads us is gone
      if (e.code !== 'EAGAIN') throw e;
    }
  }
}

// Moves file descriptor 1 to a log file and returns a duplicate of the original stdout, so that prints of the
// Go runtime inside the library cannot interleave with the protocol lines.
function keepStdoutForProtocol(logFile) {
  const libc = koffi.load('libc.so.6');
  const dup = libc.func('int dup(int)');
  const dup2 = libc.func('int dup2(int, int)');
  const saved = dup(1);
  const log = fs.openSync(logFile, 'a');
  if (saved < 0 || dup2(log, 1) < 0) throw new Error('cannot redirect stdout');
  fs.closeSync(log);
  return saved;
}

function parse(text) {
  if (text === null || text === undefined || text === '') return text;
  try {
    return JSON.parse(text);
  } catch (_) {
    return text;
  }
}

const lib = koffi.load(LIBRARY);
const listenerCallback = koffi.proto('__stdcall', 'listenerCallback', 'void', ['int', 'str']);
const baseCallback = koffi.proto('__stdcall', 'baseCallback', 'void', ['str', 'int', 'str', 'str']);
const sendMessageCallback = koffi.proto('__stdcall', 'sendMessageCallback', 'void', ['str', 'int', 'str', 'str', 'int']);

const sdk = {
  get_sdk_version: lib.func('__stdcall', 'get_sdk_version', 'str', []),
  init_sdk: lib.func('__stdcall', 'init_sdk', 'uint8', ['listenerCallback *', 'str', 'str']),
  login: lib.func('__stdcall', 'login', 'void', ['baseCallback *', 'str', 'str', 'str']),
  create_text_message: lib.func('__stdcall', 'create_text_message', 'str', ['str', 'str']),
  send_message: lib.func('__stdcall', 'send_message', 'void',
    ['sendMessageCallback *', 'str', 'str', 'str', 'str', 'str', 'int']),
  get_all_conversation_list: lib.func('__stdcall', 'get_all_conversation_list', 'void', ['baseCallback *', 'str']),
  get_advanced_history_message_list: lib.func('__stdcall', 'get_advanced_history_message_list', 'void',
    ['baseCallback *', 'str', 'str']),
  add_friend: lib.func('__stdcall', 'add_friend', 'void', ['baseCallback *', 'str', 'str']),
  accept_friend_application: lib.func('__stdcall', 'accept_friend_application', 'void',
    ['baseCallback *', 'str', 'str']),
  get_friend_list: lib.func('__stdcall', 'get_friend_list', 'void', ['baseCallback *', 'str', 'int']),
  add_black: lib.func('__stdcall', 'add_black', 'void', ['baseCallback *', 'str', 'str', 'str']),
  mark_conversation_message_as_read: lib.func('__stdcall', 'mark_conversation_message_as_read', 'void',
    ['baseCallback *', 'str', 'str']),
};
const LISTENER_SETTERS = ['set_user_listener', 'set_friend_listener', 'set_group_listener',
  'set_conversation_listener', 'set_advanced_msg_listener', 'set_batch_msg_listener',
  'set_custom_business_listener'].map((name) => lib.func('__stdcall', name, 'void', ['listenerCallback *']));

const listener = koffi.register((event, data) => {
  emit({ type: 'event', event: EVENTS[event] || `event${event}`, data: parse(data) });
}, koffi.pointer(listenerCallback));

// A one-shot callback for an asynchronous SDK call, resolved with what the SDK reports.
function callback(id) {
  const registered = koffi.register((operationID, errCode, errMsg, data) => {
    koffi.unregister(registered);
    emit({ type: 'reply', id, errCode, errMsg, data: parse(data) });
  }, koffi.pointer(baseCallback));
  return registered;
}

function sendCallback(id) {
  const registered = koffi.register((operationID, errCode, errMsg, data, progress) => {
    if (!errCode && !errMsg && !data) return; // upload progress, which text messages never report
    koffi.unregister(registered);
    emit({ type: 'reply', id, errCode, errMsg, data: parse(data) });
  }, koffi.pointer(sendMessageCallback));
  return registered;
}

const OFFLINE_PUSH = { title: 'new message', desc: '', ex: '', iOSPushSound: '+1', iOSBadgeCount: true };

const commands = {
  login: (id, c) => sdk.login(callback(id), opid(id), c.userID, c.token),
  sendText: (id, c) => {
    const message = sdk.create_text_message(opid(id), c.text);
    sdk.send_message(sendCallback(id), opid(id), message, c.recvID, '', JSON.stringify(OFFLINE_PUSH), 0);
  },
  conversations: (id) => sdk.get_all_conversation_list(callback(id), opid(id)),
  history: (id, c) => sdk.get_advanced_history_message_list(callback(id), opid(id),
    JSON.stringify({ conversationID: c.conversationID, startClientMsgID: '', count: c.count, viewType: 0 })),
  // The applicant's ID is the SDK's own (relation.ApplyToAddFriendReq); the SDK fills fromUserID itself.
  addFriend: (id, c) => sdk.add_friend(callback(id), opid(id),
    JSON.stringify({ toUserID: c.toUserID, reqMsg: c.reqMsg, ex: '' })),
  // ProcessFriendApplicationParams: toUserID names the applicant, the other side from the caller's view.
  acceptFriendApplication: (id, c) => sdk.accept_friend_application(callback(id), opid(id),
    JSON.stringify({ toUserID: c.fromUserID, handleMsg: c.handleMsg })),
  friends: (id) => sdk.get_friend_list(callback(id), opid(id), 0),
  addBlack: (id, c) => sdk.add_black(callback(id), opid(id), c.userID, ''),
  markConversationRead: (id, c) => sdk.mark_conversation_message_as_read(callback(id), opid(id), c.conversationID),
  exit: () => process.exit(0),
};

function opid(id) {
  return `sdk-test-${process.pid}-${id}`;
}

const sdkVersion = sdk.get_sdk_version();
const initialised = sdk.init_sdk(listener, opid(0), JSON.stringify({
  systemType: 'electron',
  isLogStandardOutput: true,
  logFilePath: '',
  isExternalExtensions: false,
  ...config,
}));
if (!initialised) {
  emit({ type: 'fatal', message: 'init_sdk refused the configuration', config });
  process.exit(2);
}
LISTENER_SETTERS.forEach((set) => set(listener));
emit({ type: 'ready', sdkVersion });

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return;
  let command;
  try {
    command = JSON.parse(line);
    const run = commands[command.op];
    if (!run) throw new Error(`unknown op ${command.op}`);
    run(command.id, command);
  } catch (e) {
    emit({ type: 'reply', id: command && command.id, errCode: -1, errMsg: String(e && e.stack || e), data: null });
  }
}).on('close', () => process.exit(0));
