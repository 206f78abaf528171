<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../../ui/about_box.py" line="25"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/about_box.py" line="26"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/about_box.py" line="27"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/about_box.py" line="31"/>
        <source>Channel manager for homestays and small hotels: one truth for rooms, prices and availability, pushed to every OTA.</source>
        <translation>民宿与小型酒店的渠道管理：房型、价格与房态只在一处维护，同步到所有 OTA。</translation>
    </message>
    <message>
        <location filename="../../ui/about_box.py" line="37"/>
        <source>About channelmgr</source>
        <translation>关于 channelmgr</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="35"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="37"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="38"/>
        <source>Password (8+ characters, letters and digits)</source>
        <translation>密码（至少 8 位，含字母和数字）</translation>
    </message>
</context>
<context>
    <name>AttentionView</name>
    <message>
        <location filename="../../ui/reservations/attention_view.py" line="44"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/attention_view.py" line="45"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/attention_view.py" line="46"/>
        <source>Reservation no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/attention_view.py" line="46"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/attention_view.py" line="47"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/attention_view.py" line="64"/>
        <source>Mark as resolved</source>
        <translation>标记为已处理</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/attention_view.py" line="84"/>
        <source>no price</source>
        <translation>无价格</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/attention_view.py" line="84"/>
        <source>no guest name</source>
        <translation>无客人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/attention_view.py" line="86"/>
        <source>Stored, but check it: %1</source>
        <translation>已保存，但请核对：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reservations/attention_view.py" line="93"/>
        <source>%n booking(s) need attention: they were not acknowledged, so the channel sends them again until they can be stored.</source>
        <translation>
            <numerusform>%n 个订单需要处理：它们没有向渠道确认，渠道会一直重发，直到能够入账。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/reservations/attention_view.py" line="95"/>
        <source>Nothing needs attention.</source>
        <translation>没有需要处理的订单。</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/attention_view.py" line="106"/>
        <source>As received:</source>
        <translation>收到的原始内容：</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/attention_view.py" line="107"/>
        <source>Problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/attention_view.py" line="118"/>
        <source>Needs attention</source>
        <translation>待处理</translation>
    </message>
</context>
<context>
    <name>AttributeField</name>
    <message>
        <location filename="../../ui/roomtypes/fields.py" line="270"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/fields.py" line="271"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>AuditColumns</name>
    <message>
        <location filename="../../ui/security/audit_columns.py" line="20"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_columns.py" line="22"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_columns.py" line="23"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_columns.py" line="24"/>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_columns.py" line="26"/>
        <source>Before → after</source>
        <translation>修改前 → 修改后</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_columns.py" line="27"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/pages/audit.py" line="36"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="46"/>
        <source>Text in the cause, id or values</source>
        <translation>原因、编号或数值中的文字</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="49"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="51"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="54"/>
        <source>Sign-ins</source>
        <translation>登录记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="56"/>
        <source>Show successful sign-ins too (each command line run is one); wrong passwords and refusals are always shown</source>
        <translation>也显示成功的登录（每次运行命令行都算一次）；密码错误和被拒绝的操作总会显示</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="62"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="63"/>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="64"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="72"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/audit.py" line="96"/>
        <source>%n entries, newest first</source>
        <translation>
            <numerusform>%n 条记录，最新的在前</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="103"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="110"/>
        <source>Save workbook</source>
        <translation>保存工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="111"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="120"/>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
</context>
<context>
    <name>AuditTexts</name>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="24"/>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="25"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="26"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="27"/>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="28"/>
        <source>Cleared</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="29"/>
        <location filename="../../ui/security/audit_texts.py" line="221"/>
        <source>Archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="30"/>
        <source>Duplicated</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="31"/>
        <source>Reordered</source>
        <translation>调整顺序</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="32"/>
        <location filename="../../ui/security/audit_texts.py" line="176"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="33"/>
        <source>Mapped</source>
        <translation>映射</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="34"/>
        <source>Unmapped</source>
        <translation>取消映射</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="35"/>
        <source>Moved</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="36"/>
        <location filename="../../ui/security/audit_texts.py" line="126"/>
        <source>Bulk edit</source>
        <translation>批量修改</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="37"/>
        <location filename="../../ui/security/audit_texts.py" line="127"/>
        <source>Copy week</source>
        <translation>复制一周</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="38"/>
        <location filename="../../ui/security/audit_texts.py" line="128"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="39"/>
        <location filename="../../ui/security/audit_texts.py" line="129"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="40"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="41"/>
        <source>Room status</source>
        <translation>房间状态</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="42"/>
        <source>Room assigned</source>
        <translation>分配房间</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="43"/>
        <location filename="../../ui/security/audit_texts.py" line="131"/>
        <source>Check-in</source>
        <translation>入住</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="44"/>
        <location filename="../../ui/security/audit_texts.py" line="132"/>
        <source>Check-out</source>
        <translation>退房</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="45"/>
        <source>Cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="46"/>
        <source>No-show</source>
        <translation>未到店</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="47"/>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="48"/>
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="49"/>
        <source>Overbooking resolved</source>
        <translation>超订已处理</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="50"/>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="51"/>
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="52"/>
        <source>Sign-in refused</source>
        <translation>拒绝登录</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="53"/>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="54"/>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="55"/>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="56"/>
        <source>Refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="57"/>
        <source>Guest data purged</source>
        <translation>清除客人资料</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="58"/>
        <source>Export with phone numbers</source>
        <translation>导出含完整电话</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="59"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="60"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="61"/>
        <source>Restore refused</source>
        <translation>拒绝恢复</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="62"/>
        <source>Password could not be opened</source>
        <translation>密码无法解开</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="76"/>
        <source>Calendar</source>
        <translation>房态日历</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="77"/>
        <location filename="../../ui/security/audit_texts.py" line="218"/>
        <source>Rate plan</source>
        <translation>价格计划</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="78"/>
        <source>Price rule</source>
        <translation>价格规则</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="79"/>
        <location filename="../../ui/security/audit_texts.py" line="216"/>
        <location filename="../../ui/security/audit_texts.py" line="217"/>
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="80"/>
        <location filename="../../ui/security/audit_texts.py" line="227"/>
        <location filename="../../ui/security/audit_texts.py" line="228"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="81"/>
        <source>Room out of order</source>
        <translation>停用房间</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="82"/>
        <source>Property</source>
        <translation>物业</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="83"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="84"/>
        <source>Reservation</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="85"/>
        <source>Needs attention</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="86"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="87"/>
        <source>Permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="88"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="89"/>
        <source>Backup settings</source>
        <translation>备份设置</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="90"/>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="91"/>
        <source>Revenue target</source>
        <translation>营收目标</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="92"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="104"/>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="105"/>
        <source>Command line: sync</source>
        <translation>命令行：同步</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="106"/>
        <source>Command line: calendar edit</source>
        <translation>命令行：修改房态</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="107"/>
        <source>Desktop</source>
        <translation>桌面端</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="108"/>
        <source>Desktop: reservations</source>
        <translation>桌面端：订单</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="109"/>
        <source>Desktop: new booking</source>
        <translation>桌面端：新建订单</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="110"/>
        <source>Desktop: needs attention</source>
        <translation>桌面端：待处理</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="111"/>
        <source>First start</source>
        <translation>首次启动</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="112"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="113"/>
        <source>Users dialog</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="114"/>
        <source>Settings page</source>
        <translation>设置页</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="115"/>
        <source>Channels page</source>
        <translation>渠道页</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="116"/>
        <source>Channels page: push</source>
        <translation>渠道页：推送</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="117"/>
        <source>Rooms panel</source>
        <translation>房间面板</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="118"/>
        <source>Room type list</source>
        <translation>房型列表</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="119"/>
        <source>Room type editor</source>
        <translation>房型编辑</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="120"/>
        <source>Room board</source>
        <translation>房态板</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="121"/>
        <source>Prices page</source>
        <translation>价格页</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="122"/>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="123"/>
        <source>Export dialog</source>
        <translation>导出对话框</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="124"/>
        <source>Excel import</source>
        <translation>Excel 导入</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="125"/>
        <source>Dashboard</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="130"/>
        <source>Walk-in</source>
        <translation>散客入住</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="133"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="134"/>
        <source>Reservation pull</source>
        <translation>拉取订单</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="135"/>
        <source>Daily backup</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="136"/>
        <source>Daily privacy purge</source>
        <translation>每日隐私清理</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="137"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="138"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="139"/>
        <source>Purge now</source>
        <translation>立即清理</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="140"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="141"/>
        <source>Command line: backup create</source>
        <translation>命令行：创建备份</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="147"/>
        <source>Reservation pull from %1</source>
        <translation>从 %1 拉取订单</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="148"/>
        <source>Booking from %1</source>
        <translation>来自 %1 的订单</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="149"/>
        <source>iCal feed %1</source>
        <translation>iCal 日历 %1</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="150"/>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="151"/>
        <source>Command line: restore %1</source>
        <translation>命令行：恢复 %1</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="168"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="169"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="170"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="171"/>
        <location filename="../../ui/security/audit_texts.py" line="172"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="173"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="174"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="175"/>
        <source>Account enabled</source>
        <translation>账户启用</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="177"/>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="178"/>
        <source>Wrong passwords in a row</source>
        <translation>连续密码错误次数</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="179"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="180"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="181"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="182"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="183"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="184"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="185"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="186"/>
        <source>Applies to</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="187"/>
        <source>Valid from</source>
        <translation>生效日</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="188"/>
        <source>Valid to</source>
        <translation>截止日</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="189"/>
        <source>Adjustment</source>
        <translation>调整方式</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="190"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="191"/>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="193"/>
        <source>Days ahead, at most</source>
        <translation>最多提前天数</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="194"/>
        <source>Days ahead, at least</source>
        <translation>至少提前天数</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="195"/>
        <source>Share sold, at least</source>
        <translation>入住率至少</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="196"/>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="197"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="198"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="199"/>
        <source>Every year</source>
        <translation>每年</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="200"/>
        <source>Stage</source>
        <translation>计算阶段</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="201"/>
        <source>Rate plans</source>
        <translation>价格计划</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="202"/>
        <source>Room types</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="203"/>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="204"/>
        <source>Endpoint</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="205"/>
        <source>Hotel code</source>
        <translation>酒店代码</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="206"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="207"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="208"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="209"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="210"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="211"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="212"/>
        <source>Room number</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="213"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="214"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="215"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="219"/>
        <source>Channel room code</source>
        <translation>渠道房型代码</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="220"/>
        <source>Channel rate code</source>
        <translation>渠道价格代码</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="222"/>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="223"/>
        <source>Details</source>
        <translation>房型资料</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="224"/>
        <source>Photo captions</source>
        <translation>照片说明</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="225"/>
        <source>Copied from</source>
        <translation>复制自</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="226"/>
        <source>Guest</source>
        <translation>客人</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="229"/>
        <source>Arrival</source>
        <translation>入住日</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="230"/>
        <source>Departure</source>
        <translation>离店日</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="231"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="232"/>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="233"/>
        <source>Base price</source>
        <translation>基础价</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="234"/>
        <source>Derived by</source>
        <translation>派生方式</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="235"/>
        <source>Derived value</source>
        <translation>派生值</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="236"/>
        <source>Rooms to sell</source>
        <translation>可售房数</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="237"/>
        <source>Min stay</source>
        <translation>最少入住</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="238"/>
        <source>Max stay</source>
        <translation>最多入住</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="239"/>
        <source>Closed to arrival</source>
        <translation>禁止入住</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="240"/>
        <source>Closed to departure</source>
        <translation>禁止离店</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="241"/>
        <source>Stop-sell</source>
        <translation>停售</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="242"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="243"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="257"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="258"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="259"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="262"/>
        <source>Add an amount</source>
        <translation>加减金额</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="263"/>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="264"/>
        <source>Factor</source>
        <translation>倍数</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="265"/>
        <source>Fixed price</source>
        <translation>固定价格</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="268"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="269"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="296"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="300"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="302"/>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <location filename="../../ui/security/audit_texts.py" line="304"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>BackupPreviewDialog</name>
    <message>
        <location filename="../../ui/settings/backup_preview_dialog.py" line="16"/>
        <source>Restore a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_preview_dialog.py" line="22"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_preview_dialog.py" line="23"/>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_preview_dialog.py" line="24"/>
        <source>Schema revision</source>
        <translation>结构版本</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_preview_dialog.py" line="25"/>
        <source>Room types</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_preview_dialog.py" line="25"/>
        <source>Reservations</source>
        <translation>预订</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_preview_dialog.py" line="26"/>
        <source>Calendar nights</source>
        <translation>日历夜数</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_preview_dialog.py" line="26"/>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_preview_dialog.py" line="27"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_preview_dialog.py" line="35"/>
        <source>Newest change</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_preview_dialog.py" line="36"/>
        <source>Restoring replaces the whole database with this backup. The current database is backed up first; channelmgr then has to be started again.</source>
        <translation>恢复会用此备份替换整个数据库。当前数据库会先备份；恢复后需重新启动 channelmgr。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_preview_dialog.py" line="39"/>
        <source>Replace the current database with this backup</source>
        <translation>用此备份替换当前数据库</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_preview_dialog.py" line="42"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>BackupsSection</name>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="29"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="35"/>
        <source>backups folder in the data folder</source>
        <translation>数据文件夹中的 backups 文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="41"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="43"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="47"/>
        <source>daily</source>
        <translation>天（每日一份）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="49"/>
        <source>weekly</source>
        <translation>周（每周一份）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="56"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="57"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="58"/>
        <source>Last backup</source>
        <translation>上次备份</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="97"/>
        <source>This database is PostgreSQL: back it up with pg_dump, restore with pg_restore.</source>
        <translation>此数据库是 PostgreSQL：请用 pg_dump 备份，用 pg_restore 恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="104"/>
        <source>None yet</source>
        <translation>还没有</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="105"/>
        <source>%1 (%2 MB)</source>
        <translation>%1（%2 MB）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="115"/>
        <source>Backup settings saved.</source>
        <translation>备份设置已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="120"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="127"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="135"/>
        <source>Restore a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="136"/>
        <source>channelmgr backups (*.sqlite3);;All files (*)</source>
        <translation>channelmgr 备份 (*.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="143"/>
        <source>Reading the backup…</source>
        <translation>正在读取备份…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="157"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="162"/>
        <source>Restored. The database as it was is in %1</source>
        <translation>已恢复。恢复前的数据库在 %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="168"/>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups_section.py" line="169"/>
        <source>The backup was restored. channelmgr closes now: start it again to work on the restored database.

The database as it was is in %1</source>
        <translation>备份已恢复。channelmgr 现在关闭：请重新启动，以使用恢复后的数据库。

恢复前的数据库在 %1</translation>
    </message>
</context>
<context>
    <name>BookingsPanel</name>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="73"/>
        <source>Search guest, phone or reservation number</source>
        <translation>搜索客人、电话或订单号</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="75"/>
        <source>Nights from</source>
        <translation>入住晚从</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="87"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="126"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="175"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="176"/>
        <source>Guest</source>
        <translation>客人</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="177"/>
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="178"/>
        <source>Arrival</source>
        <translation>入住</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="179"/>
        <source>Departure</source>
        <translation>离店</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="180"/>
        <source>Nights</source>
        <translation>间夜</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="181"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="183"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="185"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="186"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="187"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="188"/>
        <source>Reservation no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="234"/>
        <source>overbooked</source>
        <translation>超订</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="255"/>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="256"/>
        <source>Direct (phone, WeChat, walk-in, other)</source>
        <translation>直订（电话、微信、到店、其他）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reservations/bookings_panel.py" line="282"/>
        <source>%n reservation(s)</source>
        <translation>
            <numerusform>%n 个订单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/reservations/bookings_panel.py" line="284"/>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / %2</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <location filename="../../ui/calendar/bulk_edit_dialog.py" line="65"/>
        <source>Bulk edit</source>
        <translation>批量修改</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/bulk_edit_dialog.py" line="89"/>
        <source> room(s)</source>
        <translation> 间</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/bulk_edit_dialog.py" line="93"/>
        <source> night(s)</source>
        <translation> 晚</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/bulk_edit_dialog.py" line="94"/>
        <source>Remove the limit</source>
        <translation>取消限制</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/bulk_edit_dialog.py" line="102"/>
        <source>On</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/bulk_edit_dialog.py" line="103"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/bulk_edit_dialog.py" line="116"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/bulk_edit_dialog.py" line="128"/>
        <source>Nights</source>
        <translation>入住日期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/bulk_edit_dialog.py" line="129"/>
        <source>Weekdays</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/bulk_edit_dialog.py" line="130"/>
        <source>Room types</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/bulk_edit_dialog.py" line="131"/>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/bulk_edit_dialog.py" line="132"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/bulk_edit_dialog.py" line="133"/>
        <source>Rate plans</source>
        <translation>价格计划</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/bulk_edit_dialog.py" line="181"/>
        <source>Enter the price.</source>
        <translation>请输入价格。</translation>
    </message>
</context>
<context>
    <name>CalendarEditor</name>
    <message>
        <location filename="../../ui/calendar/editor.py" line="87"/>
        <source>The undo history was cleared.</source>
        <translation>撤销记录已清空。</translation>
    </message>
</context>
<context>
    <name>CalendarModel</name>
    <message numerus="yes">
        <location filename="../../ui/calendar/model.py" line="149"/>
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n 间房</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="155"/>
        <source>%1 of %2 left · %3</source>
        <translation>剩余 %1/%2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="157"/>
        <source>Booked %1 · out of order %2 · closed %3</source>
        <translation>已订 %1 · 维修 %2 · 关房 %3</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="161"/>
        <source>Price %1</source>
        <translation>价格 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calendar/model.py" line="167"/>
        <source>min %n night(s) (price rule)</source>
        <translation>
            <numerusform>最少住 %n 晚（价格规则）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calendar/model.py" line="169"/>
        <source>min %n night(s)</source>
        <translation>
            <numerusform>最少住 %n 晚</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calendar/model.py" line="171"/>
        <source>max %n night(s)</source>
        <translation>
            <numerusform>最多住 %n 晚</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../ui/pages/calendar.py" line="88"/>
        <location filename="../../ui/pages/calendar.py" line="117"/>
        <source>Calendar</source>
        <translation>房态日历</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="89"/>
        <location filename="../../ui/pages/calendar.py" line="135"/>
        <source>Rooms board</source>
        <translation>房态板</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="123"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="125"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="126"/>
        <source>Bulk edit…</source>
        <translation>批量修改…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="127"/>
        <source>Change the selected cells, or any nights and room types</source>
        <translation>修改选中的格子，或任意日期和房型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="129"/>
        <source>Copy week…</source>
        <translation>复制周…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="131"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="132"/>
        <source>◀ Earlier</source>
        <translation>◀ 向前</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="133"/>
        <source>Later ▶</source>
        <translation>向后 ▶</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="134"/>
        <source>Walk-in…</source>
        <translation>散客入住…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="140"/>
        <source>Undo %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="141"/>
        <source>Redo %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="153"/>
        <source>Jump to a date</source>
        <translation>跳转到日期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/calendar.py" line="161"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="178"/>
        <source>2/4 = rooms left / rooms</source>
        <translation>2/4 = 剩余/总房数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="179"/>
        <source>≥2 minimum stay</source>
        <translation>≥2 最少入住晚数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="181"/>
        <source>red square top right: stop-sell (narrow view)</source>
        <translation>右上红色小方块：停售（窄视图）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="182"/>
        <source>blue square top left: minimum stay (narrow view)</source>
        <translation>左上蓝色小方块：有最少入住（窄视图）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="183"/>
        <source>grey top line: rooms closed</source>
        <translation>顶部灰线：有关房</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="184"/>
        <source>orange corner: closed to arrival (left) / departure (right)</source>
        <translation>橙色角标：禁止入住（左）/ 禁止离店（右）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="198"/>
        <source>Loading the calendar…</source>
        <translation>正在加载房态…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/calendar.py" line="212"/>
        <source>%n room type(s)</source>
        <translation>
            <numerusform>%n 个房型</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="227"/>
        <source>Click a cell to see its bookings, prices and changes.</source>
        <translation>点击格子查看当晚订单、价格和修改记录。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/calendar.py" line="320"/>
        <source>%n cell(s) changed</source>
        <translation>
            <numerusform>已修改 %n 个格子</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="338"/>
        <source>Copy week</source>
        <translation>复制周</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calendar.py" line="409"/>
        <source>Who changed this and when…</source>
        <translation>谁在何时修改了这里…</translation>
    </message>
</context>
<context>
    <name>CalendarTexts</name>
    <message>
        <location filename="../../ui/calendar/texts.py" line="25"/>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="26"/>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="27"/>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="28"/>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="29"/>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="30"/>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="31"/>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="38"/>
        <source>Monday</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="39"/>
        <source>Tuesday</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="40"/>
        <source>Wednesday</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="41"/>
        <source>Thursday</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="42"/>
        <source>Friday</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="43"/>
        <source>Saturday</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="44"/>
        <source>Sunday</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="71"/>
        <source>NY</source>
        <comment>New Year&apos;s Day, in a narrow date header</comment>
        <translation>元旦</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="72"/>
        <source>CNY</source>
        <comment>Spring Festival, in a narrow date header</comment>
        <translation>春节</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="73"/>
        <source>Tomb</source>
        <comment>Tomb-sweeping Day, in a narrow date header</comment>
        <translation>清明</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="74"/>
        <source>May 1</source>
        <comment>Labour Day, in a narrow date header</comment>
        <translation>劳动</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="75"/>
        <source>Boat</source>
        <comment>Dragon Boat Festival, in a narrow date header</comment>
        <translation>端午</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="76"/>
        <source>Moon</source>
        <comment>Mid-autumn Festival, in a narrow date header</comment>
        <translation>中秋</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="77"/>
        <source>Natl</source>
        <comment>National Day, in a narrow date header</comment>
        <translation>国庆</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="79"/>
        <source>Hol.</source>
        <comment>any other holiday, in a narrow date header</comment>
        <translation>假日</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="84"/>
        <source>Work</source>
        <translation>班</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="89"/>
        <source>Stop</source>
        <translation>停售</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="94"/>
        <source>Open for sale</source>
        <translation>开放销售</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="95"/>
        <location filename="../../ui/calendar/texts.py" line="110"/>
        <location filename="../../ui/calendar/texts.py" line="123"/>
        <source>Stop-sell</source>
        <translation>停售</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="96"/>
        <location filename="../../ui/calendar/texts.py" line="109"/>
        <source>Rooms closed</source>
        <translation>关房数</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="97"/>
        <location filename="../../ui/calendar/texts.py" line="111"/>
        <source>Minimum stay</source>
        <translation>最少入住</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="98"/>
        <location filename="../../ui/calendar/texts.py" line="112"/>
        <source>Maximum stay</source>
        <translation>最多入住</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="99"/>
        <location filename="../../ui/calendar/texts.py" line="113"/>
        <source>Closed to arrival (CTA)</source>
        <translation>禁止入住 (CTA)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="100"/>
        <location filename="../../ui/calendar/texts.py" line="114"/>
        <source>Closed to departure (CTD)</source>
        <translation>禁止离店 (CTD)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="101"/>
        <source>Set price</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="102"/>
        <source>Clear typed price</source>
        <translation>清除改价</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="120"/>
        <source>Available</source>
        <translation>可售</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="121"/>
        <source>Few left</source>
        <translation>房量紧张</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="122"/>
        <source>Sold out</source>
        <translation>满房</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="124"/>
        <source>Overbooked</source>
        <translation>超订</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="130"/>
        <source>Clean</source>
        <translation>已清洁</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="131"/>
        <source>Dirty</source>
        <translation>待清洁</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="132"/>
        <source>Occupied</source>
        <translation>在住</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="133"/>
        <source>Out of order</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="139"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="140"/>
        <source>Checked in</source>
        <translation>已入住</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="141"/>
        <source>Checked out</source>
        <translation>已退房</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="142"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="143"/>
        <source>No-show</source>
        <translation>未到店</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="149"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="150"/>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="151"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="152"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="153"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="159"/>
        <source>Bulk edit</source>
        <translation>批量修改</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="160"/>
        <source>Copy week</source>
        <translation>复制周</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="161"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="162"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="168"/>
        <source>Nights before today ({today}) cannot be changed.</source>
        <translation>今天（{today}）之前的日期不能修改。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="169"/>
        <source>The end ({last}) is before the start ({first}).</source>
        <translation>结束日期（{last}）早于开始日期（{first}）。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="170"/>
        <source>At most {max} nights can be changed at a time.</source>
        <translation>一次最多修改 {max} 晚。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="171"/>
        <source>Choose at least one weekday.</source>
        <translation>请至少选择一个星期几。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="172"/>
        <source>Choose at least one room type.</source>
        <translation>请至少选择一个房型。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="173"/>
        <source>A chosen room type no longer exists; reload the calendar.</source>
        <translation>所选房型已不存在，请刷新房态日历。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="174"/>
        <source>Choose at least one rate plan for a price change.</source>
        <translation>改价请至少选择一个价格计划。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="175"/>
        <source>A chosen rate plan does not belong to the chosen room types.</source>
        <translation>所选价格计划不属于所选房型。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="176"/>
        <source>Enter a valid value.</source>
        <translation>请输入有效的值。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="177"/>
        <source>A price must be above zero.</source>
        <translation>价格必须大于零。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="178"/>
        <source>This room type has no price for every night of the stay: enter the amount.</source>
        <translation>这个房型在入住期间有的晚上没有价格：请填写金额。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="179"/>
        <source>A stay limit is 1 to {max} nights.</source>
        <translation>入住晚数限制为 1 到 {max} 晚。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="180"/>
        <source>{room_type} has {rooms} rooms; {value} cannot be closed.</source>
        <translation>{room_type} 只有 {rooms} 间房，不能关 {value} 间。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="181"/>
        <source>Minimum stay {min} would be above maximum stay {max} for {room_type} on {night}.</source>
        <translation>{room_type} 在 {night} 的最少入住 {min} 晚将大于最多入住 {max} 晚。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="184"/>
        <source>Copy to 1–104 weeks.</source>
        <translation>可复制到 1–104 周。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="185"/>
        <source>{count} of these cells were changed again since; nothing was undone or redone, so the newer values are kept.</source>
        <translation>其中 {count} 个格子之后又被修改过；为保留较新的值，未执行撤销或重做。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="188"/>
        <source>Unknown room status.</source>
        <translation>未知的房间状态。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="189"/>
        <source>Room {room} is already out of order from {first} to {last}.</source>
        <translation>{room} 房已在 {first} 至 {last} 维修。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="190"/>
        <source>Room {room} is booked by {guest} from {first} to {last}.</source>
        <translation>{room} 房 {first} 至 {last} 已被 {guest} 预订。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="191"/>
        <source>Taking room {room} out on {night} would leave too few rooms for that night&apos;s bookings.</source>
        <translation>{night} 将 {room} 房设为维修后，房间将不够当晚的订单。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="194"/>
        <source>{room_type} has no room left on {night}.</source>
        <translation>{room_type} 在 {night} 已无空房。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="195"/>
        <source>Enter the guest&apos;s name.</source>
        <translation>请输入客人姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="196"/>
        <source>A walk-in stays 1 to {max} nights.</source>
        <translation>散客可住 1 到 {max} 晚。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="197"/>
        <source>A booking needs at least one adult.</source>
        <translation>订单至少需要一位成人。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="198"/>
        <source>{guest} is not checked in.</source>
        <translation>{guest} 尚未入住。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="199"/>
        <source>{guest}&apos;s booking is not confirmed.</source>
        <translation>{guest} 的订单不是已确认状态。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="200"/>
        <source>{guest} arrives on {night}.</source>
        <translation>{guest} 的到店日期是 {night}。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="201"/>
        <source>{guest}&apos;s stay ended on {night}.</source>
        <translation>{guest} 的住宿已于 {night} 结束。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="202"/>
        <source>Room {room} is not of the booked room type.</source>
        <translation>{room} 房不是订单预订的房型。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="203"/>
        <source>Room {room} is occupied.</source>
        <translation>{room} 房有客人在住。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="204"/>
        <source>Room {room} is taken by {guest} from {first} to {last}.</source>
        <translation>{room} 房 {first} 至 {last} 已由 {guest} 入住或预订。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="205"/>
        <source>Room {room} is out of order.</source>
        <translation>{room} 房正在维修。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/texts.py" line="221"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
</context>
<context>
    <name>CellDetailsPanel</name>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="32"/>
        <source>Guest</source>
        <translation>客人</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="33"/>
        <source>Stay</source>
        <translation>住宿</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="34"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="35"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="36"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="42"/>
        <source>Rate plan</source>
        <translation>价格计划</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="43"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="44"/>
        <source>Rule min stay</source>
        <translation>规则最少入住</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="50"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="51"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="52"/>
        <source>What</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="58"/>
        <source>Bookings this night</source>
        <translation>当晚订单</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="59"/>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="60"/>
        <source>Latest changes</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="73"/>
        <source>Double-click a price to see how it was computed.</source>
        <translation>双击价格查看计算过程。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="90"/>
        <source>Click a cell to see its bookings, prices and changes.</source>
        <translation>点击格子查看当晚订单、价格和修改记录。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="109"/>
        <source>%1 of %2 left (%3) · booked %4 · out of order %5 · closed %6</source>
        <translation>剩余 %1/%2（%3）· 已订 %4 · 维修 %5 · 关房 %6</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calendar/details_panel.py" line="129"/>
        <source>min stay %n night(s), set by a price rule</source>
        <translation>
            <numerusform>最少住 %n 晚（价格规则设定）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calendar/details_panel.py" line="131"/>
        <source>min stay %n night(s), set in the calendar</source>
        <translation>
            <numerusform>最少住 %n 晚（房态日历设定）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calendar/details_panel.py" line="134"/>
        <source>max stay %n night(s)</source>
        <translation>
            <numerusform>最多住 %n 晚</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="139"/>
        <source>No restrictions this night</source>
        <translation>当晚没有入住限制</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calendar/details_panel.py" line="143"/>
        <source>%n night(s)</source>
        <translation>
            <numerusform>%n 晚</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="158"/>
        <source>(typed)</source>
        <translation>（手动改价）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="170"/>
        <source>price %1</source>
        <translation>价格 %1</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="177"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/details_panel.py" line="177"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>CellHistoryDialog</name>
    <message>
        <location filename="../../ui/security/cell_history.py" line="22"/>
        <source>Who changed this and when</source>
        <translation>谁在何时修改了这里</translation>
    </message>
    <message>
        <location filename="../../ui/security/cell_history.py" line="23"/>
        <source>%1, night of %2: loading…</source>
        <translation>%1，%2 当晚：加载中…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/security/cell_history.py" line="45"/>
        <source>%1, night of %2: %n change(s)</source>
        <translation>
            <numerusform>%1，%2 当晚：%n 次修改</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/security/password_forms.py" line="112"/>
        <location filename="../../ui/security/password_forms.py" line="114"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/security/password_forms.py" line="113"/>
        <source>Change the password of %1.</source>
        <translation>修改 %1 的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/security/password_forms.py" line="115"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/security/password_forms.py" line="120"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
</context>
<context>
    <name>ChannelDialog</name>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="34"/>
        <source>Add channel</source>
        <translation>添加渠道</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="34"/>
        <source>Channel %1</source>
        <translation>渠道 %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="36"/>
        <source>e.g. 携程 Ctrip</source>
        <translation>例如：携程 Ctrip</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="37"/>
        <source>Short code, e.g. ctrip</source>
        <translation>简短代码，例如 ctrip</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="44"/>
        <source>Your hotel&apos;s code at the channel</source>
        <translation>您的酒店在该渠道的代码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="85"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="87"/>
        <source>Stored encrypted; never shown again</source>
        <translation>加密保存，之后不再显示</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="89"/>
        <source>Leave empty to keep the stored API key</source>
        <translation>留空则保留已保存的 API 密钥</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="90"/>
        <source>Leave empty to keep the stored password</source>
        <translation>留空则保留已保存的密码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="94"/>
        <location filename="../../ui/sync/channel_dialog.py" line="99"/>
        <source>Not used: the feed&apos;s address is all it needs</source>
        <translation>无需填写：日历网址即可读取</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="95"/>
        <source>Not used: the API key identifies us</source>
        <translation>无需填写：API 密钥即可识别本店</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="51"/>
        <source>Send to this channel</source>
        <translation>向该渠道推送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="56"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="59"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="60"/>
        <source>Name (code)</source>
        <translation>名称（代码）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="61"/>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="62"/>
        <source>Endpoint URL</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="63"/>
        <source>Hotel code</source>
        <translation>酒店代码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="64"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="85"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_dialog.py" line="66"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>ChannelSettingsForm</name>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="31"/>
        <source>Sync and selling</source>
        <translation>同步与售卖</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="37"/>
        <source>Generic (OpenTravel)</source>
        <translation>通用（OpenTravel）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="45"/>
        <source>Close everything on this channel</source>
        <translation>在该渠道关闭全部房型</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="61"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="64"/>
        <source>Kind of channel</source>
        <translation>渠道类型</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="66"/>
        <source>Days ahead to send</source>
        <translation>推送天数</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="67"/>
        <source>Items per request (max)</source>
        <translation>每次请求条目上限</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="68"/>
        <source>Requests per minute (max)</source>
        <translation>每分钟请求上限</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="69"/>
        <source>Rooms held back each night</source>
        <translation>每晚保留房数</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="70"/>
        <source>Stop-sell</source>
        <translation>停售</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="71"/>
        <source>Markup</source>
        <translation>加价</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="72"/>
        <source>Rounding</source>
        <translation>取整</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="73"/>
        <source>Lowest price (¥)</source>
        <translation>最低价（¥）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="74"/>
        <source>Highest price (¥)</source>
        <translation>最高价（¥）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="120"/>
        <source>Restrictions it takes: %1</source>
        <translation>可接收的限制：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="120"/>
        <location filename="../../ui/sync/channel_settings_form.py" line="139"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="121"/>
        <source>Restrictions it takes: none</source>
        <translation>可接收的限制：无</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="123"/>
        <source>Minimum stay counted from the arrival day: ours is translated</source>
        <translation>最少入住按入住日计算：本店设置将换算后发送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="125"/>
        <source>Minimum stay on every night of the stay, as ours: sent as it is</source>
        <translation>最少入住按住宿中每一晚计算，与本店相同：原样发送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="127"/>
        <source>No limit of its own on days ahead</source>
        <translation>可售天数无自身限制</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="129"/>
        <source>Takes %1 day(s) ahead at most</source>
        <translation>最多接收未来 %1 天</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="131"/>
        <source>Prices per person: our prices per room are not sent</source>
        <translation>按人计价：本店按间的价格不发送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="133"/>
        <source>Prices per number of guests: one price per room is sent</source>
        <translation>按入住人数计价：每间发送同一价格</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="135"/>
        <source>One price per room and night</source>
        <translation>每间每晚一个价格</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="136"/>
        <source>Takes listing content</source>
        <translation>接收房源内容</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="136"/>
        <source>No listing content</source>
        <translation>不接收房源内容</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_settings_form.py" line="140"/>
        <source>Your own settings override: %1</source>
        <translation>您自定的设置覆盖了：%1</translation>
    </message>
</context>
<context>
    <name>ChannelSetup</name>
    <message>
        <location filename="../../ui/sync/channel_setup.py" line="43"/>
        <source>Remove channel %1? Its mappings and sync history go with it.</source>
        <translation>删除渠道 %1？其映射和同步记录将一并删除。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_setup.py" line="45"/>
        <location filename="../../ui/sync/channel_setup.py" line="47"/>
        <source>Remove channel</source>
        <translation>删除渠道</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_setup.py" line="51"/>
        <source>Stop sending %1 to %2?</source>
        <translation>停止向 %2 推送 %1？</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_setup.py" line="52"/>
        <location filename="../../ui/sync/channel_setup.py" line="56"/>
        <source>Unmap</source>
        <translation>取消映射</translation>
    </message>
</context>
<context>
    <name>ChannelTableModel</name>
    <message>
        <location filename="../../ui/sync/channel_table.py" line="71"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_table.py" line="72"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_table.py" line="73"/>
        <source>Hotel code</source>
        <translation>酒店代码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_table.py" line="74"/>
        <source>Endpoint</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_table.py" line="75"/>
        <source>Mappings</source>
        <translation>映射</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_table.py" line="76"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_table.py" line="77"/>
        <source>Last in sync</source>
        <translation>最近同步完成</translation>
    </message>
    <message>
        <location filename="../../ui/sync/channel_table.py" line="78"/>
        <source>Last audit</source>
        <translation>最近核对</translation>
    </message>
</context>
<context>
    <name>ChannelsPage</name>
    <message>
        <location filename="../../ui/pages/channels.py" line="62"/>
        <source>Add channel…</source>
        <translation>添加渠道…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="63"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="64"/>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="65"/>
        <source>Push now</source>
        <translation>立即推送</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="66"/>
        <source>Dry run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="67"/>
        <location filename="../../ui/pages/channels.py" line="236"/>
        <source>Full resync</source>
        <translation>全量重推</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="68"/>
        <source>Audit now</source>
        <translation>立即核对</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="93"/>
        <source>Map…</source>
        <translation>映射…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="94"/>
        <source>Unmap</source>
        <translation>取消映射</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="109"/>
        <source>Mappings</source>
        <translation>映射</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="110"/>
        <source>Sync log</source>
        <translation>同步日志</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="111"/>
        <source>Drift audit</source>
        <translation>渠道核对</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="124"/>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/channels.py" line="143"/>
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n 个渠道</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="237"/>
        <source>Send everything to %1 again, whatever it confirmed before?</source>
        <translation>不论 %1 之前确认过什么，全部重新发送一遍？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="261"/>
        <source>Pushing to %1…</source>
        <translation>正在推送到 %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/channels.py" line="274"/>
        <source>%1 is in sync: %n cell(s) confirmed</source>
        <translation>
            <numerusform>%1 已同步：确认 %n 个格子</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/channels.py" line="276"/>
        <source>%1: %n cell(s) still pending</source>
        <translation>
            <numerusform>%1：仍有 %n 个格子待同步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="309"/>
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="310"/>
        <source>Rate plan</source>
        <translation>价格计划</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="310"/>
        <source>(rooms to sell)</source>
        <translation>（可售房量）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="311"/>
        <source>Remote room</source>
        <translation>渠道房型代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="312"/>
        <source>Remote rate</source>
        <translation>渠道价格计划代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="313"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/pages/channels.py" line="313"/>
        <source>Archived: not sent</source>
        <translation>已归档：不发送</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../ui/charts/chart_view.py" line="63"/>
        <source>Export chart as PNG…</source>
        <translation>导出图表为 PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_view.py" line="118"/>
        <source>Export chart as PNG</source>
        <translation>导出图表为 PNG</translation>
    </message>
    <message>
        <location filename="../../ui/charts/chart_view.py" line="198"/>
        <source>No data for this period</source>
        <translation>这段时间没有数据</translation>
    </message>
</context>
<context>
    <name>CompletenessBar</name>
    <message>
        <location filename="../../ui/roomtypes/completeness_bar.py" line="25"/>
        <source>Meituan</source>
        <translation>美团</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/completeness_bar.py" line="25"/>
        <source>Ctrip</source>
        <translation>携程</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/completeness_bar.py" line="26"/>
        <source>Tujia</source>
        <translation>途家</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/completeness_bar.py" line="26"/>
        <source>Fliggy</source>
        <translation>飞猪</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/completeness_bar.py" line="27"/>
        <source>Airbnb</source>
        <translation>Airbnb</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/completeness_bar.py" line="27"/>
        <source>Booking</source>
        <translation>Booking</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/completeness_bar.py" line="41"/>
        <source>Listing completeness:</source>
        <translation>房型信息完整度：</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/completeness_bar.py" line="64"/>
        <source>Missing, required:</source>
        <translation>缺少必填项：</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/completeness_bar.py" line="65"/>
        <source>Missing, recommended:</source>
        <translation>缺少建议项：</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/completeness_bar.py" line="70"/>
        <source>Click to go to the first missing field.</source>
        <translation>点击跳到第一个缺少的字段。</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/completeness_bar.py" line="72"/>
        <source>Everything this channel asks for is filled in.</source>
        <translation>该渠道要求的信息已全部填写。</translation>
    </message>
</context>
<context>
    <name>CopyWeekDialog</name>
    <message>
        <location filename="../../ui/calendar/copy_week_dialog.py" line="43"/>
        <source>Copy a week</source>
        <translation>复制一周</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/copy_week_dialog.py" line="53"/>
        <source> week(s)</source>
        <translation> 周</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/copy_week_dialog.py" line="57"/>
        <source>Copy typed prices too</source>
        <translation>同时复制手动改价</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/copy_week_dialog.py" line="61"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/copy_week_dialog.py" line="67"/>
        <source>Week starting</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/copy_week_dialog.py" line="69"/>
        <source>Copy to the next</source>
        <translation>复制到之后</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/copy_week_dialog.py" line="70"/>
        <source>Room types</source>
        <translation>房型</translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <location filename="../../ui/daily_backup.py" line="26"/>
        <source>The daily backup failed: %1</source>
        <translation>每日备份失败：%1</translation>
    </message>
</context>
<context>
    <name>DailyPurge</name>
    <message>
        <location filename="../../ui/daily_purge.py" line="20"/>
        <source>The daily purge of guest data failed: %1</source>
        <translation>每日清除客人资料失败：%1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="87"/>
        <source>Arrivals today</source>
        <translation>今日到店</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="87"/>
        <source>Departures today</source>
        <translation>今日离店</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="88"/>
        <source>In house tonight</source>
        <translation>今晚在住</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="88"/>
        <source>Occupancy tonight</source>
        <translation>今晚入住率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="89"/>
        <source>Next 7 nights</source>
        <translation>未来 7 晚</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="89"/>
        <source>Next 30 nights</source>
        <translation>未来 30 晚</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="99"/>
        <source>Set yearly target…</source>
        <translation>设定年度目标…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="106"/>
        <source>Revenue this month</source>
        <translation>本月营收</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="125"/>
        <source>Needs your attention</source>
        <translation>需要您处理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="126"/>
        <source>Arriving today</source>
        <translation>今日到店客人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="127"/>
        <source>Leaving today</source>
        <translation>今日离店客人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="151"/>
        <source>Dashboard</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="169"/>
        <source>Mon</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="169"/>
        <source>Tue</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="169"/>
        <source>Wed</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="169"/>
        <source>Thu</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="169"/>
        <source>Fri</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="169"/>
        <source>Sat</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="170"/>
        <source>Sun</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="171"/>
        <source>Today %1 %2</source>
        <translation>今天 %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="174"/>
        <source>and %1 late</source>
        <translation>另有 %1 位迟到</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="176"/>
        <source>of %1 rooms</source>
        <translation>共 %1 间房</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="179"/>
        <source>%1 of %2 room-nights · ADR %3</source>
        <translation>已售 %1 / %2 间夜 · 平均房价 %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="184"/>
        <source>Occupancy, next 30 nights</source>
        <translation>未来 30 晚入住率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="185"/>
        <source>Occupancy</source>
        <translation>入住率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="187"/>
        <source>%1 of %2 rooms sold</source>
        <translation>已售 %1 / %2 间房</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="197"/>
        <source>Nothing needs you today</source>
        <translation>今天没有需要处理的事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="215"/>
        <source>%1 · %2 · %3 night(s) · %4</source>
        <translation>%1 · %2 · %3 晚 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="210"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="219"/>
        <source>%1 · late: due %2</source>
        <translation>%1 · 迟到：应于 %2 入住</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="226"/>
        <source>%1: earned %2, on the books %3 — %4 of the month&apos;s target %5</source>
        <translation>%1：已入账 %2，已预订 %3 — 完成本月目标 %5 的 %4</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="233"/>
        <source>%1: earned %2, on the books %3 (total %4). No yearly target set yet.</source>
        <translation>%1：已入账 %2，已预订 %3（合计 %4）。未设定年度目标。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="242"/>
        <source>Yearly revenue target</source>
        <translation>年度营收目标</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="243"/>
        <source>Room revenue target for %1 (yuan), split over the months by their days:</source>
        <translation>%1 年客房营收目标（元），按各月天数分配到每月：</translation>
    </message>
</context>
<context>
    <name>DeskAlert</name>
    <message>
        <location filename="../../ui/overbooking_alert.py" line="71"/>
        <source>New booking from %1: %2, %3 → %4, %5</source>
        <translation>%1 新订单：%2，%3 → %4，%5</translation>
    </message>
    <message>
        <location filename="../../ui/overbooking_alert.py" line="73"/>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <location filename="../../ui/overbooking_alert.py" line="78"/>
        <source>no price</source>
        <translation>无价格</translation>
    </message>
    <message>
        <location filename="../../ui/overbooking_alert.py" line="78"/>
        <source>no guest name</source>
        <translation>无客人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/overbooking_alert.py" line="81"/>
        <source>needs attention: %1</source>
        <translation>需处理：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/overbooking_alert.py" line="83"/>
        <location filename="../../ui/overbooking_alert.py" line="104"/>
        <source>(%n more)</source>
        <translation>
            <numerusform>（另有 %n 处）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/overbooking_alert.py" line="84"/>
        <source>New booking</source>
        <translation>新订单</translation>
    </message>
    <message>
        <location filename="../../ui/overbooking_alert.py" line="97"/>
        <source>Overbooking: %1 on %2 — %3 (%4) came last; see Reservations ▸ Overbooking.</source>
        <translation>超订：%1 在 %2 已满，最后到达的是 %3（%4）；请到 订单 ▸ 超订 处理。</translation>
    </message>
    <message>
        <location filename="../../ui/overbooking_alert.py" line="105"/>
        <source>Room sold twice</source>
        <translation>房间被重复售出</translation>
    </message>
</context>
<context>
    <name>DriftTexts</name>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="36"/>
        <source>Rooms to sell</source>
        <translation>可售房</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="36"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="36"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="37"/>
        <source>Min stay</source>
        <translation>最少入住</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="37"/>
        <source>Max stay</source>
        <translation>最多入住</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="37"/>
        <source>Closed to arrival</source>
        <translation>禁止入住</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="38"/>
        <source>Closed to departure</source>
        <translation>禁止离店</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="38"/>
        <location filename="../../ui/sync/drift_view.py" line="53"/>
        <source>Stop-sell</source>
        <translation>停售</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="39"/>
        <source>Restrictions</source>
        <translation>限制</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="39"/>
        <source>Taken (iCal)</source>
        <translation>已占用（iCal）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="44"/>
        <source>(not shown)</source>
        <translation>（未显示）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="48"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="48"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="50"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="53"/>
        <source>CTA</source>
        <translation>禁止入住</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="53"/>
        <source>CTD</source>
        <translation>禁止离店</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="54"/>
        <source>min %1, max %2</source>
        <translation>最少 %1 晚，最多 %2 晚</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="61"/>
        <source>Not audited yet</source>
        <translation>尚未核对</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="67"/>
        <source>No difference</source>
        <translation>无差异</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/drift_view.py" line="69"/>
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n 处差异</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="71"/>
        <source>Cannot be read back</source>
        <translation>无法读取渠道数据</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="72"/>
        <source>Audit failed</source>
        <translation>核对失败</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/drift_view.py" line="76"/>
        <source>%1 shows what it should: %n cell(s) compared</source>
        <translation>
            <numerusform>%1 与本店一致：已核对 %n 格</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/drift_view.py" line="78"/>
        <source>%1 shows %n difference(s) in %2 cell(s) compared</source>
        <translation>
            <numerusform>%1 有 %n 处差异（已核对 %2 格）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="82"/>
        <source>The audit of %1 failed; nothing was compared: %2</source>
        <translation>%1 核对失败，未作比较：%2</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="81"/>
        <source>%1 cannot be read back: the audit cannot compare it</source>
        <translation>%1 无法读取渠道数据：无法核对</translation>
    </message>
</context>
<context>
    <name>DriftView</name>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="97"/>
        <source>Choose a channel and press “Audit now”.</source>
        <translation>请选择渠道并点击“立即核对”。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="111"/>
        <source>Push again</source>
        <translation>重新推送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="112"/>
        <location filename="../../ui/sync/drift_view.py" line="169"/>
        <source>Accept theirs</source>
        <translation>采用渠道的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="131"/>
        <source>%1 has not been audited since the app started: press “Audit now”.</source>
        <translation>本次启动后尚未核对 %1：请点击“立即核对”。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="146"/>
        <source>Reading %1 back…</source>
        <translation>正在读取 %1 的数据…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/drift_view.py" line="162"/>
        <source>%n difference(s) pushed again to %1</source>
        <translation>
            <numerusform>已向 %1 重新推送 %n 处差异</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/drift_view.py" line="170"/>
        <source>Write the values %1 shows into our calendar for %n difference(s)? The change is in the audit trail and reaches the other channels.</source>
        <translation>
            <numerusform>将 %1 显示的值写入本店日历（共 %n 处差异）？此修改会记入审计日志，并同步到其他渠道。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/drift_view.py" line="183"/>
        <source>%n difference(s) taken into our calendar</source>
        <translation>
            <numerusform>已将 %n 处差异采用到本店日历</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/drift_view.py" line="187"/>
        <source>%1; %n not taken: %2</source>
        <translation>
            <numerusform>%1；%n 处未采用：%2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="230"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="231"/>
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="232"/>
        <source>Rate plan</source>
        <translation>价格计划</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="233"/>
        <source>Night</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="234"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="235"/>
        <source>Ours</source>
        <translation>本店的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="236"/>
        <source>Theirs</source>
        <translation>渠道上的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="237"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/sync/drift_view.py" line="237"/>
        <source>Ours not sent yet</source>
        <translation>本店的值尚未发送</translation>
    </message>
</context>
<context>
    <name>DryRunDialog</name>
    <message>
        <location filename="../../ui/sync/dry_run_dialog.py" line="24"/>
        <source>Full resync preview: %1</source>
        <translation>全量重推预览：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dry_run_dialog.py" line="24"/>
        <source>Dry run: %1</source>
        <translation>试运行：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dry_run_dialog.py" line="42"/>
        <source>Not carried: %1</source>
        <translation>无法发送：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dry_run_dialog.py" line="43"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dry_run_dialog.py" line="68"/>
        <source>Push at %1</source>
        <translation>%1 推送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dry_run_dialog.py" line="69"/>
        <source>Push now</source>
        <translation>立即推送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dry_run_dialog.py" line="91"/>
        <source>%1 already shows the desired state: nothing to send.</source>
        <translation>%1 已与本地一致：无需发送。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dry_run_dialog.py" line="92"/>
        <source>%1: %2 cell(s) in %3 range(s) would be sent in %4 request(s).</source>
        <translation>%1：将用 %4 个请求发送 %3 个区间，共 %2 个格子。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dry_run_dialog.py" line="98"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dry_run_dialog.py" line="99"/>
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dry_run_dialog.py" line="100"/>
        <source>Rate plan</source>
        <translation>价格计划</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dry_run_dialog.py" line="101"/>
        <source>Channel code</source>
        <translation>渠道代码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dry_run_dialog.py" line="103"/>
        <source>Nights</source>
        <translation>晚数</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dry_run_dialog.py" line="104"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dry_run_dialog.py" line="105"/>
        <source>To</source>
        <translation>到</translation>
    </message>
</context>
<context>
    <name>ExcelWorkflow</name>
    <message>
        <location filename="../../ui/excel/workflow.py" line="43"/>
        <source>Save workbook</source>
        <translation>保存工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/excel/workflow.py" line="44"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/excel/workflow.py" line="64"/>
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
    <message>
        <location filename="../../ui/excel/workflow.py" line="86"/>
        <source>Checking the workbook…</source>
        <translation>正在检查工作簿…</translation>
    </message>
    <message>
        <location filename="../../ui/excel/workflow.py" line="115"/>
        <location filename="../../ui/excel/workflow.py" line="117"/>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <location filename="../../ui/excel/workflow.py" line="118"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
</context>
<context>
    <name>ExplainPopup</name>
    <message>
        <location filename="../../ui/pricing/explain_popup.py" line="28"/>
        <source>Minimum stay: %n night(s)</source>
        <translation>最少入住 %n 晚</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/explain_popup.py" line="30"/>
        <source>This year&apos;s public holidays are not published yet: estimated.</source>
        <translation>该年度的法定节假日安排尚未公布，按估计计算。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/excel/export_dialog.py" line="32"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/excel/export_dialog.py" line="35"/>
        <source>Room types (all attributes)</source>
        <translation>房型（全部属性）</translation>
    </message>
    <message>
        <location filename="../../ui/excel/export_dialog.py" line="35"/>
        <source>Calendar</source>
        <translation>房态日历</translation>
    </message>
    <message>
        <location filename="../../ui/excel/export_dialog.py" line="36"/>
        <source>Reservations</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/excel/export_dialog.py" line="36"/>
        <source>Occupancy report</source>
        <translation>入住率报表</translation>
    </message>
    <message>
        <location filename="../../ui/excel/export_dialog.py" line="37"/>
        <source>OTA extranet bulk sheet</source>
        <translation>OTA 后台批量上传表</translation>
    </message>
    <message>
        <location filename="../../ui/excel/export_dialog.py" line="50"/>
        <source>Workbook</source>
        <translation>工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/excel/export_dialog.py" line="51"/>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/excel/export_dialog.py" line="52"/>
        <source>Until (not included)</source>
        <translation>结束日期（不含）</translation>
    </message>
    <message>
        <location filename="../../ui/excel/export_dialog.py" line="53"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
</context>
<context>
    <name>FirstAdministratorDialog</name>
    <message>
        <location filename="../../ui/security/password_forms.py" line="89"/>
        <source>Welcome to channelmgr</source>
        <translation>欢迎使用 channelmgr</translation>
    </message>
    <message>
        <location filename="../../ui/security/password_forms.py" line="90"/>
        <source>This database has no user accounts yet. Create the administrator: this account manages the other accounts, the channels and the settings.</source>
        <translation>此数据库还没有用户账号。请创建管理员：该账号管理其他账号、渠道和设置。</translation>
    </message>
    <message>
        <location filename="../../ui/security/password_forms.py" line="92"/>
        <source>Create and sign in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <location filename="../../ui/security/password_forms.py" line="93"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/security/password_forms.py" line="97"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/excel/import_dialog.py" line="26"/>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <location filename="../../ui/excel/import_dialog.py" line="28"/>
        <source>Calendar workbook</source>
        <translation>房态日历工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/excel/import_dialog.py" line="29"/>
        <source>Room types workbook</source>
        <translation>房型工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/excel/import_dialog.py" line="33"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/excel/import_dialog.py" line="38"/>
        <source>Only check, change nothing</source>
        <translation>只检查，不修改数据</translation>
    </message>
    <message>
        <location filename="../../ui/excel/import_dialog.py" line="40"/>
        <source>Workbook</source>
        <translation>工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/excel/import_dialog.py" line="41"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/excel/import_dialog.py" line="51"/>
        <source>Choose a workbook</source>
        <translation>选择工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/excel/import_dialog.py" line="52"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="32"/>
        <source>Sign in to channelmgr</source>
        <translation>登录 channelmgr</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="44"/>
        <source>This is the demo database. Sign in as %1 with the password %2 (administrator); %3 / %4 is an operator, %5 / %6 may only read and export.</source>
        <translation>这是演示数据库。请以 %1 登录，密码 %2（管理员）；%3 / %4 是操作员，%5 / %6 只能查看和导出。</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="58"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="59"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="70"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="71"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="43"/>
        <source>channelmgr — homestay channel manager</source>
        <translation>channelmgr — 民宿渠道管理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>&amp;Import from Excel…</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>&amp;Users…</source>
        <translation>用户管理(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>&amp;About channelmgr</source>
        <translation>关于 channelmgr(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159"/>
        <source>Nobody is signed in: this database has no accounts.</source>
        <translation>未登录：此数据库没有账号。</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location filename="../../ui/sync/mapping_dialog.py" line="50"/>
        <source>Map to %1</source>
        <translation>映射到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/mapping_dialog.py" line="61"/>
        <source>Codes exactly as the channel&apos;s extranet shows them. Without a rate plan, the mapping sends the rooms to sell.</source>
        <translation>代码须与渠道后台显示的完全一致。不选价格计划时，该映射推送可售房量。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/mapping_dialog.py" line="65"/>
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/sync/mapping_dialog.py" line="66"/>
        <source>Rate plan</source>
        <translation>价格计划</translation>
    </message>
    <message>
        <location filename="../../ui/sync/mapping_dialog.py" line="67"/>
        <source>Remote room code</source>
        <translation>渠道房型代码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/mapping_dialog.py" line="68"/>
        <source>Remote rate code</source>
        <translation>渠道价格计划代码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/mapping_dialog.py" line="97"/>
        <source>None (rooms to sell)</source>
        <translation>无（推送可售房量）</translation>
    </message>
</context>
<context>
    <name>NewBookingDialog</name>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="60"/>
        <source>New booking</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="83"/>
        <source> night(s)</source>
        <translation> 晚</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="101"/>
        <source>e.g. arrives late, needs a cot, deposit paid by WeChat</source>
        <translation>例如：晚到、需加婴儿床、定金已微信支付</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="113"/>
        <source>Children</source>
        <translation>儿童</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="117"/>
        <source>Booked by</source>
        <translation>订单来源</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="118"/>
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="119"/>
        <source>Rate plan</source>
        <translation>价格计划</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="120"/>
        <source>Arrival</source>
        <translation>入住日期</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="121"/>
        <source>Nights</source>
        <translation>晚数</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="122"/>
        <source>Adults</source>
        <translation>成人</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="123"/>
        <source>Guest name</source>
        <translation>客人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="124"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="125"/>
        <source>Amount for the stay (¥)</source>
        <translation>订单总额（¥）</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="126"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="129"/>
        <source>Book</source>
        <translation>预订</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="173"/>
        <source>This property has no room types yet.</source>
        <translation>该民宿还没有房型。</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="198"/>
        <source>departs %1</source>
        <translation>%1 离店</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="218"/>
        <source>%1 for the stay</source>
        <translation>整段入住 %1</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="219"/>
        <source>no price for this plan</source>
        <translation>该价格计划暂无价格</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reservations/booking_dialog.py" line="221"/>
        <source>%n room(s) left for this stay</source>
        <translation>
            <numerusform>此段入住还剩 %n 间</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/reservations/booking_dialog.py" line="224"/>
        <source>No room of this type is left on every night of this stay: offer another room type or date.</source>
        <translation>此房型在这段入住中有晚上已无空房：请为客人换个房型或日期。</translation>
    </message>
</context>
<context>
    <name>OutOfOrderDialog</name>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="156"/>
        <source>Room %1 out of order</source>
        <translation>%1 房维修</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="164"/>
        <source>e.g. air conditioning repair</source>
        <translation>例如：空调维修</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="166"/>
        <source>From the night of</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="167"/>
        <source>Back in service on</source>
        <translation>恢复使用日期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="168"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="169"/>
        <source>The room is not sold on these nights on any channel.</source>
        <translation>这些晚上该房间在所有渠道都不会售出。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="175"/>
        <source>Take out of service</source>
        <translation>设为维修</translation>
    </message>
</context>
<context>
    <name>OverbookingView</name>
    <message>
        <location filename="../../ui/reservations/overbooking_view.py" line="29"/>
        <source>Night</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/overbooking_view.py" line="29"/>
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/overbooking_view.py" line="29"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/overbooking_view.py" line="29"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/overbooking_view.py" line="40"/>
        <source>No overbooking: every booking has a room.</source>
        <translation>没有超订：每个订单都有房。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reservations/overbooking_view.py" line="42"/>
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n 个冲突待解决</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/reservations/overbooking_view.py" line="45"/>
        <source>Room %1 holds %2 bookings</source>
        <translation>房间 %1 排了 %2 个订单</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/overbooking_view.py" line="47"/>
        <source>%1 booked for %2 rooms</source>
        <translation>%2 间房订出 %1 间</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/overbooking_view.py" line="56"/>
        <source>booked %1</source>
        <translation>下单于 %1</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/overbooking_view.py" line="59"/>
        <source>came last</source>
        <translation>最后下单</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/overbooking_view.py" line="65"/>
        <source>Suggested fix</source>
        <translation>建议处理</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/overbooking_view.py" line="72"/>
        <source>Upgrade %1 to %2 (%3 free for the whole stay)</source>
        <translation>将 %1 升级到 %2（整段入住有 %3 间空房）</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/overbooking_view.py" line="77"/>
        <source>Move %1 to room %2 (free for the whole stay)</source>
        <translation>将 %1 换到房间 %2（整段入住空闲）</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/overbooking_view.py" line="80"/>
        <source>Contact %1 about another date or a house nearby</source>
        <translation>联系 %1 改期或安排附近民宿</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../../ui/permissions.py" line="32"/>
        <source>Signed in as %1 (%2): may not %3</source>
        <translation>当前登录：%1（%2），不能%3</translation>
    </message>
</context>
<context>
    <name>PhotoListWidget</name>
    <message>
        <location filename="../../ui/roomtypes/photo_field.py" line="82"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/photo_field.py" line="83"/>
        <source>Make cover</source>
        <translation>设为封面</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/photo_field.py" line="84"/>
        <source>Move earlier</source>
        <translation>前移</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/photo_field.py" line="85"/>
        <source>Move later</source>
        <translation>后移</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/photo_field.py" line="86"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/photo_field.py" line="101"/>
        <source>Drag to reorder. Double-click a photo to write its caption.</source>
        <translation>拖动可调整顺序，双击照片可填写说明。</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/photo_field.py" line="103"/>
        <source>The first photo is the cover.</source>
        <translation>第一张为封面。</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/photo_field.py" line="178"/>
        <source>File not found on this computer: %1</source>
        <translation>本机找不到文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/photo_field.py" line="180"/>
        <source>This file cannot be read as an image: %1</source>
        <translation>无法作为图片读取该文件：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/roomtypes/photo_field.py" line="197"/>
        <source>%n photo file(s) are not on this computer (deleted, or added on another computer); they stay in the list.</source>
        <translation>
            <numerusform>%n 个照片文件不在本机（已被删除，或是在另一台电脑上添加的），照片仍保留在列表中。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/photo_field.py" line="214"/>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/photo_field.py" line="235"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/photo_field.py" line="235"/>
        <source>Photos (*.jpg *.jpeg *.png *.webp)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
</context>
<context>
    <name>PlanPriceDialog</name>
    <message>
        <location filename="../../ui/pricing/plan_dialog.py" line="29"/>
        <source>Price of %1 · %2</source>
        <translation>%1 · %2 的价格</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/plan_dialog.py" line="35"/>
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/plan_dialog.py" line="36"/>
        <source>Rate plan</source>
        <translation>价格计划</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/plan_dialog.py" line="42"/>
        <source>Base price</source>
        <translation>基础价</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/plan_dialog.py" line="46"/>
        <source>± amount</source>
        <translation>± 金额</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/plan_dialog.py" line="47"/>
        <source>± percent</source>
        <translation>± 百分比</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/plan_dialog.py" line="53"/>
        <source>Follows %1 by</source>
        <translation>跟随 %1 调整</translation>
    </message>
</context>
<context>
    <name>PreviewLine</name>
    <message>
        <location filename="../../ui/calendar/form_parts.py" line="125"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calendar/form_parts.py" line="131"/>
        <source>%n cell(s) will change</source>
        <translation>
            <numerusform>%n 个格子将被修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calendar/form_parts.py" line="131"/>
        <source>%n cell(s) selected</source>
        <translation>
            <numerusform>共选中 %n 个格子</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PriceGuardBox</name>
    <message>
        <location filename="../../ui/price_guard_box.py" line="28"/>
        <source>below the floor</source>
        <translation>低于最低价</translation>
    </message>
    <message>
        <location filename="../../ui/price_guard_box.py" line="32"/>
        <source>%n price(s) would move more than usual. Is this what you meant?</source>
        <translation>有 %n 个价格变动幅度异常，确定要这样修改吗？</translation>
    </message>
    <message>
        <location filename="../../ui/price_guard_box.py" line="33"/>
        <source>Check these prices</source>
        <translation>请核对这些价格</translation>
    </message>
    <message>
        <location filename="../../ui/price_guard_box.py" line="37"/>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <location filename="../../ui/price_guard_box.py" line="38"/>
        <source>Go back</source>
        <translation>返回修改</translation>
    </message>
</context>
<context>
    <name>PriceTexts</name>
    <message>
        <location filename="../../ui/pricing/texts.py" line="63"/>
        <source>weekend nights</source>
        <translation>周末夜晚</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="66"/>
        <source>on %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="70"/>
        <source>every year</source>
        <translation>每年</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="73"/>
        <source>any public holiday</source>
        <translation>任意法定节假日</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="74"/>
        <source>night before %1</source>
        <translation>%1前一晚</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="77"/>
        <source>make-up working days</source>
        <translation>调休工作日</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="81"/>
        <source>up to %n day(s) ahead</source>
        <translation>提前 %n 天以内</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="84"/>
        <source>%n or more day(s) ahead</source>
        <translation>提前 %n 天及以上</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="87"/>
        <source>%1% or more sold</source>
        <translation>已售 %1% 及以上</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="91"/>
        <source>valid %1 – %2</source>
        <translation>有效期 %1 – %2</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="95"/>
        <source>min. %n night(s)</source>
        <translation>最少 %n 晚</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="103"/>
        <source>all room types, plans and channels</source>
        <translation>全部房型、价格计划和渠道</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="108"/>
        <source>sets the price</source>
        <translation>设定价格</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="109"/>
        <source>adds an amount</source>
        <translation>加减金额</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="110"/>
        <source>percent / factor</source>
        <translation>百分比 / 倍数</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="111"/>
        <source>final price</source>
        <translation>最终价格</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="134"/>
        <source>No rounding</source>
        <translation>不取整</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="135"/>
        <source>Up to whole yuan</source>
        <translation>向上取整到元</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="136"/>
        <source>Up to a price ending in 8</source>
        <translation>向上取整到尾数 8</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/texts.py" line="137"/>
        <source>Up to a price ending in 9</source>
        <translation>向上取整到尾数 9</translation>
    </message>
</context>
<context>
    <name>PricesPage</name>
    <message>
        <location filename="../../ui/pages/prices.py" line="97"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="100"/>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="108"/>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="144"/>
        <source>Edit price…</source>
        <translation>修改价格…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="150"/>
        <source>Rate plans</source>
        <translation>价格计划</translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="154"/>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="162"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="162"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="163"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="163"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="169"/>
        <source>Amounts are added before percentages and factors; within the same step, a rule lower in the list acts later.</source>
        <translation>先加减金额，再按百分比或倍数调整；同一步骤中，列表中越靠下的规则越晚生效。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="175"/>
        <source>Price rules</source>
        <translation>价格规则</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/prices.py" line="188"/>
        <source>Preview: the next %n night(s), own price</source>
        <translation>
            <numerusform>预览：未来 %n 晚的直销价</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="189"/>
        <source>changed cells are yellow, moves the guard would question red; double-click a price to see how it is made</source>
        <translation>黄色为有变化的价格，红色为误操作保护会提醒的变动；双击价格可查看计算过程</translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="215"/>
        <source>not priced: %1</source>
        <translation>无法定价：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="223"/>
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="224"/>
        <source>Rate plan</source>
        <translation>价格计划</translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="225"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/prices.py" line="261"/>
        <source>%n unsaved change(s)</source>
        <translation>
            <numerusform>%n 处未保存的更改</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="261"/>
        <source>All saved</source>
        <translation>已全部保存</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/prices.py" line="303"/>
        <source>%n price(s) change in these nights.</source>
        <translation>
            <numerusform>这些日期中有 %n 个价格发生变化。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="305"/>
        <source>No price changes in these nights.</source>
        <translation>这些日期中的价格没有变化。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/prices.py" line="307"/>
        <source>%n of them move more than the fat-finger guard allows.</source>
        <translation>
            <numerusform>其中 %n 个变动超出误操作保护的范围。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="316"/>
        <source>Cannot be priced: %1</source>
        <translation>无法定价：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/prices.py" line="415"/>
        <source>Prices saved: %n price(s) changed in the coming year.</source>
        <translation>
            <numerusform>价格已保存：未来一年内有 %n 个价格发生变化。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="424"/>
        <source>Saving failed: %1</source>
        <translation>保存失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/prices.py" line="454"/>
        <source>As saved: the unsaved changes are not in these steps.</source>
        <translation>按已保存的价格计算：未保存的更改不在这些步骤中。</translation>
    </message>
</context>
<context>
    <name>PricingSection</name>
    <message>
        <location filename="../../ui/settings/pricing_section.py" line="23"/>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pricing_section.py" line="38"/>
        <source>Rounding of the desk&apos;s own prices</source>
        <translation>直销价格取整</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pricing_section.py" line="39"/>
        <source>Ask before a price moves more than</source>
        <translation>价格变动超过此幅度时先确认</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pricing_section.py" line="40"/>
        <source>Ask before any price below (empty: no floor)</source>
        <translation>价格低于此数时先确认（留空：不设下限）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings/pricing_section.py" line="76"/>
        <source>Price settings saved: %n price(s) changed in the coming year.</source>
        <translation>
            <numerusform>价格设置已保存：未来一年有 %n 个价格改变。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacySection</name>
    <message>
        <location filename="../../ui/settings/privacy_section.py" line="24"/>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_section.py" line="29"/>
        <source>Purge guest names, phones and notes automatically</source>
        <translation>自动清除客人姓名、电话和备注</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_section.py" line="35"/>
        <source> days after check-out</source>
        <translation> 天（离店后）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_section.py" line="39"/>
        <source>Purge now…</source>
        <translation>立即清除…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_section.py" line="49"/>
        <source>Keep guest data</source>
        <translation>客人资料保留</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_section.py" line="50"/>
        <source>A purge now</source>
        <translation>现在清除将会</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings/privacy_section.py" line="80"/>
        <source>%n booking(s) that checked out before %1 would lose the guest&apos;s name, phone and notes (amounts, nights and reports stay).</source>
        <translation>
            <numerusform>%1 之前离店的 %n 个订单将清除客人姓名、电话和备注（金额、间夜和报表保留）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_section.py" line="92"/>
        <source>Privacy settings saved.</source>
        <translation>隐私设置已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_section.py" line="98"/>
        <source>Purge guest data</source>
        <translation>清除客人资料</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings/privacy_section.py" line="99"/>
        <source>Replace the guest&apos;s name, phone and notes of %n booking(s) that checked out more than %1 days ago by [purged]? This cannot be undone.</source>
        <translation>
            <numerusform>将离店超过 %1 天的 %n 个订单的客人姓名、电话和备注替换为 [purged]？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_section.py" line="104"/>
        <source>Purge</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy_section.py" line="113"/>
        <source>Purging…</source>
        <translation>正在清除…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings/privacy_section.py" line="121"/>
        <source>Guest data of %n booking(s) purged.</source>
        <translation>
            <numerusform>已清除 %n 个订单的客人资料。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PropertySection</name>
    <message>
        <location filename="../../ui/settings/property_section.py" line="21"/>
        <source>Property</source>
        <translation>物业信息</translation>
    </message>
    <message>
        <location filename="../../ui/settings/property_section.py" line="38"/>
        <source>Code and currency</source>
        <translation>代码和币种</translation>
    </message>
    <message>
        <location filename="../../ui/settings/property_section.py" line="39"/>
        <source>Name (Chinese)</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../ui/settings/property_section.py" line="40"/>
        <source>Name (English)</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/settings/property_section.py" line="41"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/settings/property_section.py" line="42"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/settings/property_section.py" line="43"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../ui/settings/property_section.py" line="78"/>
        <source>Property details saved.</source>
        <translation>物业信息已保存。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../ui/qt_words.py" line="13"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/qt_words.py" line="14"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReportColumns</name>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="33"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="34"/>
        <source>Bookings</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="27"/>
        <source>Nights</source>
        <translation>间夜</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="28"/>
        <source>Revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="28"/>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="29"/>
        <source>Net</source>
        <translation>净营收</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="29"/>
        <source>ADR</source>
        <translation>平均房价</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="36"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="37"/>
        <source>Cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="43"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="44"/>
        <source>Occupancy</source>
        <translation>入住率</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="47"/>
        <source>RevPAR</source>
        <translation>RevPAR</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="54"/>
        <source>Part</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="54"/>
        <source>Rest of the year</source>
        <translation>其余时间</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="55"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="56"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="57"/>
        <source>Earned</source>
        <translation>已入账</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="58"/>
        <source>On the books</source>
        <translation>已预订</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_tables.py" line="60"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>ReportTexts</name>
    <message>
        <location filename="../../ui/reports/texts.py" line="38"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="38"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="38"/>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="39"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="47"/>
        <source>Overbooked: %1, %2 night(s)</source>
        <translation>超订：%1，%2 晚</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="49"/>
        <source>Channel failing: %1</source>
        <translation>渠道同步失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="51"/>
        <source>Channel not in sync: %1, %2 change(s) waiting</source>
        <translation>渠道未同步：%1，%2 项待发送</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="53"/>
        <source>%1 shows %2 value(s) other than ours: see Channels ▸ Drift audit</source>
        <translation>%1 上有 %2 处与本店不一致：见 渠道 ▸ 渠道核对</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="56"/>
        <source>Listing %1 only %2% complete</source>
        <translation>房型资料 %1 完整度仅 %2%</translation>
    </message>
    <message>
        <location filename="../../ui/reports/texts.py" line="58"/>
        <source>%1 channel booking(s) could not be stored (unmapped room or rate)</source>
        <translation>%1 个渠道订单无法入账（房型或价格未映射）</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports.py" line="97"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="98"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="99"/>
        <source>Next 30 nights</source>
        <translation>未来 30 晚</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="100"/>
        <location filename="../../ui/pages/reports.py" line="275"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="101"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="107"/>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="109"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="111"/>
        <location filename="../../ui/pages/reports.py" line="124"/>
        <location filename="../../ui/pages/reports.py" line="262"/>
        <source>Occupancy</source>
        <translation>入住率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="111"/>
        <location filename="../../ui/pages/reports.py" line="267"/>
        <source>Revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="111"/>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="112"/>
        <source>Booking pace</source>
        <translation>预订节奏</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="116"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="116"/>
        <source>First night</source>
        <translation>首晚</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="117"/>
        <source>Last night</source>
        <translation>末晚</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="117"/>
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="118"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="124"/>
        <source>ADR</source>
        <translation>平均房价</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="124"/>
        <source>RevPAR</source>
        <translation>RevPAR</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="125"/>
        <source>Room revenue</source>
        <translation>客房营收</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="125"/>
        <source>Net after commission</source>
        <translation>扣佣金后净营收</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="126"/>
        <source>Average stay</source>
        <translation>平均入住</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="126"/>
        <source>Booked ahead</source>
        <translation>平均提前预订</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="126"/>
        <source>Cancellations</source>
        <translation>取消率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="157"/>
        <source>By channel</source>
        <translation>按渠道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="157"/>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="162"/>
        <source>Yearly revenue target</source>
        <translation>年度营收目标</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="177"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="215"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="222"/>
        <source>All room types</source>
        <translation>全部房型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="223"/>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="243"/>
        <source>%1 to %2 · %3 nights · %4 rooms</source>
        <translation>%1 至 %2 · %3 晚 · %4 间房</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="246"/>
        <source>%1 of %2 room-nights</source>
        <translation>已售 %1 / %2 间夜</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="248"/>
        <source>average rate per night sold</source>
        <translation>每售出间夜的平均价格</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="249"/>
        <source>revenue per available room-night</source>
        <translation>每可售间夜营收</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="250"/>
        <source>commission %1</source>
        <translation>佣金 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="253"/>
        <source>%1 nights</source>
        <translation>%1 晚</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="254"/>
        <source>%1 arrivals</source>
        <translation>%1 个到店订单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="255"/>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="256"/>
        <source>from booking to arrival</source>
        <translation>从预订到入住</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="257"/>
        <source>%1 cancelled, %2 no-show</source>
        <translation>取消 %1，未到店 %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="261"/>
        <source>Occupancy by night</source>
        <translation>每晚入住率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="263"/>
        <source>%1 of %2 rooms sold · %3</source>
        <translation>已售 %1 / %2 间房 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="266"/>
        <source>Revenue by channel</source>
        <translation>各渠道营收</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="268"/>
        <source>Net</source>
        <translation>净营收</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="270"/>
        <source>%1 bookings · %2 nights · commission %3</source>
        <translation>%1 单 · %2 间夜 · 佣金 %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="274"/>
        <source>Booking pace: nights on the books</source>
        <translation>预订节奏：已订间夜</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="276"/>
        <source>Same time last year</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="278"/>
        <source>%1 days before the first night</source>
        <translation>距首晚 %1 天</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="288"/>
        <source>No revenue target for %1 yet (Dashboard → Set yearly target…, or channelmgr report target --set).</source>
        <translation>%1 年还没有营收目标（首页 → 设定年度目标…，或 channelmgr report target --set）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="292"/>
        <source>%1: target %2, earned %3, on the books %4; still to sell %5 in %6 days (%7 a day)</source>
        <translation>%1 年：目标 %2，已入账 %3，已预订 %4；还需 %5，剩 %6 天（每天 %7）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="298"/>
        <source> — about %1 more nights at ADR %2</source>
        <translation> — 按平均房价 %2 约需再售 %1 间夜</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="312"/>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="322"/>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
</context>
<context>
    <name>ReservationDetailPanel</name>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="65"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="66"/>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="67"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="68"/>
        <location filename="../../ui/reservations/detail_panel.py" line="144"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="69"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="87"/>
        <source>Choose a revision to see what the channel or the desk sent.</source>
        <translation>选择一个版本，查看渠道或前台发来的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="92"/>
        <source>Raw data</source>
        <translation>原始数据</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="94"/>
        <source>The revision exactly as it was stored, for support</source>
        <translation>这个版本存储时的原样内容，供技术支持查看</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="97"/>
        <location filename="../../ui/reservations/detail_panel.py" line="237"/>
        <source>Cancel booking</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="98"/>
        <source>No-show</source>
        <translation>未到店</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="99"/>
        <location filename="../../ui/reservations/detail_panel.py" line="252"/>
        <source>Check in</source>
        <translation>入住</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="100"/>
        <source>Check out</source>
        <translation>退房</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="114"/>
        <source>Move to room</source>
        <translation>换到房间</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="128"/>
        <source>Revision history</source>
        <translation>版本历史</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="139"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="140"/>
        <source>Stay</source>
        <translation>住宿</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="141"/>
        <source>Guests</source>
        <translation>客人数</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="142"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="143"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="145"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="159"/>
        <source>Choose a booking to see its details and history.</source>
        <translation>选择一个订单，查看详情和历史。</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="165"/>
        <source>no room assigned</source>
        <translation>未排房</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reservations/detail_panel.py" line="167"/>
        <source>%1 → %2, %n night(s)</source>
        <translation>
            <numerusform>%1 → %2，%n 晚</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="169"/>
        <source>%1 adults, %2 children</source>
        <translation>成人 %1，儿童 %2</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="175"/>
        <source>OVERBOOKED: no room was left for a night of this stay</source>
        <translation>超订：入住期间有一晚已无空房</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="195"/>
        <source>%1 · reservation no. %2</source>
        <translation>%1 · 订单号 %2</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="203"/>
        <source>%1 · Commission %2 · Net %3</source>
        <translation>%1 · 佣金 %2 · 净收入 %3</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="216"/>
        <source>%1 (upgrade to %2)</source>
        <translation>%1（升级到 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="238"/>
        <source>Cancel %1&apos;s booking? Its nights are sold again.</source>
        <translation>取消 %1 的订单？这些晚上将重新开放售卖。</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="252"/>
        <source>Assign a room to the booking first.</source>
        <translation>请先为订单排房。</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/detail_panel.py" line="275"/>
        <source>Reservations</source>
        <translation>订单</translation>
    </message>
</context>
<context>
    <name>ReservationTexts</name>
    <message>
        <location filename="../../ui/reservations/texts.py" line="24"/>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="25"/>
        <location filename="../../ui/reservations/texts.py" line="104"/>
        <location filename="../../ui/reservations/texts.py" line="105"/>
        <source>Modified</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="26"/>
        <location filename="../../ui/reservations/texts.py" line="106"/>
        <location filename="../../ui/reservations/texts.py" line="107"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="27"/>
        <source>Cancelled before it arrived</source>
        <translation>收到前已取消</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="28"/>
        <source>Older revision, ignored</source>
        <translation>旧版本，已忽略</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="29"/>
        <source>No-show</source>
        <translation>未到店</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="30"/>
        <source>Moved to another room</source>
        <translation>换房</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="31"/>
        <source>Moved to another room type</source>
        <translation>换房型</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="32"/>
        <source>Room assigned</source>
        <translation>已排房</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="33"/>
        <source>Checked in</source>
        <translation>已入住</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="34"/>
        <source>Checked out</source>
        <translation>已退房</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="40"/>
        <location filename="../../ui/reservations/texts.py" line="94"/>
        <source>Overbooked</source>
        <translation>超订</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="41"/>
        <source>Two bookings in one room</source>
        <translation>一间房排了两个订单</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="47"/>
        <source>{room_type} has no room left on {nights}: the booking would overbook.</source>
        <translation>{room_type} 在 {nights} 已无空房：该订单会超订。</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="48"/>
        <source>A stay is 1 to {max} nights.</source>
        <translation>入住须为 1 到 {max} 晚。</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="49"/>
        <source>The arrival {night} is before today.</source>
        <translation>入住日期 {night} 早于今天。</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="50"/>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="51"/>
        <source>Choose phone, WeChat, walk-in or other.</source>
        <translation>请选择电话、微信、到店或其他。</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="52"/>
        <source>Only a confirmed booking can be cancelled.</source>
        <translation>只有已确认的订单可以取消。</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="53"/>
        <source>{guest}&apos;s booking holds no room.</source>
        <translation>{guest} 的订单没有占用房间。</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="54"/>
        <source>Room {room} is taken by {guest} from {first} to {last}.</source>
        <translation>房间 {room} 在 {first} 至 {last} 已被 {guest} 占用。</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="55"/>
        <source>This entry is already resolved.</source>
        <translation>该条目已处理。</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="75"/>
        <source>Guest</source>
        <translation>客人</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="76"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="77"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="78"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="79"/>
        <source>Room of the booking</source>
        <translation>订单中的房间</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="80"/>
        <source>Arrival</source>
        <translation>入住</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="81"/>
        <source>Departure</source>
        <translation>离店</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="82"/>
        <source>Nights</source>
        <translation>间夜</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="83"/>
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="84"/>
        <source>Channel room code</source>
        <translation>渠道房型代码</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="85"/>
        <source>Channel rate code</source>
        <translation>渠道价格代码</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="86"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="87"/>
        <source>Adults</source>
        <translation>成人</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="88"/>
        <source>Children</source>
        <translation>儿童</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="89"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="90"/>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="91"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="92"/>
        <source>Reservation no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="93"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="101"/>
        <location filename="../../ui/reservations/texts.py" line="102"/>
        <location filename="../../ui/reservations/texts.py" line="103"/>
        <source>New booking</source>
        <translation>新订单</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="121"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/reservations/texts.py" line="122"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ReservationsPage</name>
    <message>
        <location filename="../../ui/pages/reservations.py" line="48"/>
        <source>New booking…</source>
        <translation>新建订单…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="49"/>
        <source>A booking taken by phone, WeChat or at the desk</source>
        <translation>电话、微信或到店的订单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="74"/>
        <source>Reservations</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="98"/>
        <source>Bookings</source>
        <translation>订单列表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="99"/>
        <source>Overbookings (%1)</source>
        <translation>超订（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="100"/>
        <source>Needs attention (%1)</source>
        <translation>待处理（%1）</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <location filename="../../ui/excel/result_dialog.py" line="28"/>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <location filename="../../ui/excel/result_dialog.py" line="34"/>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../ui/excel/result_dialog.py" line="35"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/excel/result_dialog.py" line="36"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/excel/result_dialog.py" line="60"/>
        <source>%1 price(s) look like typos, so nothing was changed. Check them below; if they are right, import anyway.</source>
        <translation>有 %1 个价格像是输错了，所以没有做任何修改。请检查下面的价格；确认无误可仍然导入。</translation>
    </message>
    <message>
        <location filename="../../ui/excel/result_dialog.py" line="62"/>
        <source>Import anyway</source>
        <translation>仍然导入</translation>
    </message>
    <message>
        <location filename="../../ui/excel/result_dialog.py" line="68"/>
        <source>Saved %1 (%2 rows).</source>
        <translation>已保存 %1（%2 行）。</translation>
    </message>
    <message>
        <location filename="../../ui/excel/result_dialog.py" line="70"/>
        <location filename="../../ui/excel/result_dialog.py" line="86"/>
        <source>Open workbook</source>
        <translation>打开工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/excel/result_dialog.py" line="76"/>
        <source>%1 problem(s) found; nothing was changed. Fix the marked cells and import again.</source>
        <translation>发现 %1 个问题，未做任何修改。请修改标出的单元格后重新导入。</translation>
    </message>
    <message>
        <location filename="../../ui/excel/result_dialog.py" line="79"/>
        <source>Open marked copy</source>
        <translation>打开标注副本</translation>
    </message>
    <message>
        <location filename="../../ui/excel/result_dialog.py" line="81"/>
        <source>No changes: the workbook matches the data.</source>
        <translation>没有变化：工作簿与现有数据一致。</translation>
    </message>
    <message>
        <location filename="../../ui/excel/result_dialog.py" line="83"/>
        <source>%1 cell(s) would change.</source>
        <translation>将修改 %1 个单元格。</translation>
    </message>
    <message>
        <location filename="../../ui/excel/result_dialog.py" line="83"/>
        <source>%1 cell(s) changed.</source>
        <translation>已修改 %1 个单元格。</translation>
    </message>
</context>
<context>
    <name>RoomBoardWidget</name>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="136"/>
        <source>Walk-in guest…</source>
        <translation>散客入住…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="170"/>
        <source>%1 (%2, late: due %3)</source>
        <translation>%1（%2，迟到：应于 %3 入住）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="172"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calendar/room_board.py" line="178"/>
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n 间房</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/calendar/room_board.py" line="180"/>
        <source>%n arrival(s) due</source>
        <translation>
            <numerusform>待入住 %n 单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="203"/>
        <source>Tonight %1 of %2 left</source>
        <translation>今晚可售 %1/%2</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="210"/>
        <source>Reopen tonight</source>
        <translation>今晚恢复销售</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="210"/>
        <source>Close tonight</source>
        <translation>今晚停售</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="233"/>
        <source>Room %1: %2</source>
        <translation>%1 房：%2</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="238"/>
        <source>%1 checked in to room %2</source>
        <translation>%1 已入住 %2 房</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="244"/>
        <source>%1 checked out of room %2</source>
        <translation>%1 已从 %2 房退房</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="259"/>
        <source>Room %1 is out of order until %2</source>
        <translation>%1 房维修至 %2</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="269"/>
        <source>Room %1 is back in service</source>
        <translation>%1 房已恢复使用</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="275"/>
        <source>Close %1 tonight</source>
        <translation>今晚停售 %1</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="275"/>
        <source>Reopen %1 tonight</source>
        <translation>今晚恢复销售 %1</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="293"/>
        <source>Walk-in booked for %1</source>
        <translation>已为 %1 办理散客预订</translation>
    </message>
</context>
<context>
    <name>RoomCard</name>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="66"/>
        <source>Clean</source>
        <translation>净</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="66"/>
        <source>Dirty</source>
        <translation>脏</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="80"/>
        <source>Check out</source>
        <translation>退房</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="87"/>
        <source>Back in service</source>
        <translation>结束维修</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="92"/>
        <source>Check in</source>
        <translation>入住</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="101"/>
        <source>No arrival of this room type is due today</source>
        <translation>今天没有该房型的待入住订单</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="106"/>
        <source>Repair…</source>
        <translation>维修…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="118"/>
        <source>%1 · leaves %2</source>
        <translation>%1 · %2 离店</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/room_board.py" line="120"/>
        <source>Repair until %1</source>
        <translation>维修至 %1</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <location filename="../../ui/roomtypes/room_dialog.py" line="26"/>
        <source>Room %1</source>
        <translation>房间 %1</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/room_dialog.py" line="34"/>
        <source>e.g. next to the stairs, bathtub</source>
        <translation>例如：靠近楼梯、带浴缸</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/room_dialog.py" line="43"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/room_dialog.py" line="44"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/room_dialog.py" line="48"/>
        <source>Room number</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/room_dialog.py" line="49"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/room_dialog.py" line="50"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/room_dialog.py" line="51"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>RoomTypeEditor</name>
    <message>
        <location filename="../../ui/roomtypes/editor.py" line="69"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/editor.py" line="70"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/roomtypes/editor.py" line="145"/>
        <source>%n field(s) need attention:</source>
        <translation>
            <numerusform>%n 处需要处理：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/editor.py" line="150"/>
        <source>New room type</source>
        <translation>新房型</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/editor.py" line="152"/>
        <source>Room type %1</source>
        <translation>房型 %1</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/editor.py" line="186"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/editor.py" line="209"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/editor.py" line="210"/>
        <source>This room type has changes that are not saved. Save them before closing?</source>
        <translation>该房型有尚未保存的修改。关闭前要保存吗？</translation>
    </message>
</context>
<context>
    <name>RoomTypesPage</name>
    <message>
        <location filename="../../ui/pages/room_types.py" line="58"/>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="61"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="62"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="63"/>
        <source>Duplicate…</source>
        <translation>复制…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="64"/>
        <location filename="../../ui/pages/room_types.py" line="171"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="65"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="66"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="106"/>
        <source>Room types</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="119"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="120"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="121"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="122"/>
        <source>Rooms</source>
        <translation>房间数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="124"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="124"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="171"/>
        <source>Unarchive</source>
        <translation>取消归档</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="202"/>
        <source>Duplicate room type</source>
        <translation>复制房型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="203"/>
        <source>Code of the copy of %1:</source>
        <translation>“%1”副本的房型代码：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/room_types.py" line="148"/>
        <source>%n room type(s)</source>
        <translation>
            <numerusform>%n 个房型</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/room_types.py" line="148"/>
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n 间房</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomsPanel</name>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="45"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="46"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="47"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="48"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="62"/>
        <source>e.g. 201-208</source>
        <translation>如 201-208</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="67"/>
        <source>from the number</source>
        <translation>按房号</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="69"/>
        <source>Without a floor, room 201 goes on floor 2.</source>
        <translation>不填楼层时按房号推算，例如 201 在 2 楼。</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="70"/>
        <source>Add rooms</source>
        <translation>添加房间</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="74"/>
        <source>Move selected room</source>
        <translation>移动所选房间</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="76"/>
        <source>Edit room…</source>
        <translation>编辑房间…</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="84"/>
        <source>New rooms:</source>
        <translation>新房间：</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="87"/>
        <source>Floor:</source>
        <translation>楼层：</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="90"/>
        <source>Move to:</source>
        <translation>移到：</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="103"/>
        <source>Clean</source>
        <translation>已清洁</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="103"/>
        <source>Dirty</source>
        <translation>待清洁</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="103"/>
        <source>Occupied</source>
        <translation>在住</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="104"/>
        <source>Out of order</source>
        <translation>维修中</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="126"/>
        <source>Choose a room type to see its rooms.</source>
        <translation>选择一个房型以查看其房间。</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="130"/>
        <source>Rooms of %1</source>
        <translation>%1 的房间</translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="148"/>
        <source>Select a room and the room type to move it to.</source>
        <translation>请选择房间和要移到的房型。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/roomtypes/rooms_panel.py" line="173"/>
        <source>Added %n room(s): %1</source>
        <translation>
            <numerusform>已添加 %n 间房：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/roomtypes/rooms_panel.py" line="177"/>
        <source>Room %1 now belongs to %2</source>
        <translation>房间 %1 已移至 %2</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="86"/>
        <source>Price rule</source>
        <translation>价格规则</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="99"/>
        <source>add or subtract an amount</source>
        <translation>加减金额</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="99"/>
        <source>percent up or down</source>
        <translation>按百分比涨跌</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="100"/>
        <source>multiply by</source>
        <translation>乘以倍数</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="100"/>
        <source>set the price to</source>
        <translation>设为固定价</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="116"/>
        <source>Rule is on</source>
        <translation>启用此规则</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="119"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="123"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="145"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="146"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="147"/>
        <source>When</source>
        <translation>适用日期</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="151"/>
        <source>Change</source>
        <translation>调价</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="153"/>
        <source>Applies to (nothing ticked: all)</source>
        <translation>适用范围（不勾选即为全部）</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="155"/>
        <source>Room types</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="155"/>
        <source>Rate plans</source>
        <translation>价格计划</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="156"/>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="162"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="164"/>
        <source>Priority (higher acts later)</source>
        <translation>优先级（数值越大越晚生效）</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="166"/>
        <source>Minimum stay</source>
        <translation>最少连住</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="167"/>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="168"/>
        <source>Valid until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="173"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="174"/>
        <source>English label</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="185"/>
        <source>The property&apos;s weekend nights (normally Friday and Saturday).</source>
        <translation>本店的周末夜晚（通常为周五、周六晚）。</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="200"/>
        <source>every year</source>
        <translation>每年</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="207"/>
        <source>Weekend days people work (调休).</source>
        <translation>需要上班的周末（调休）。</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="210"/>
        <source>days ahead at most</source>
        <translation>天以内</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="214"/>
        <source>days ahead or more</source>
        <translation>天及以上</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="218"/>
        <source>% of the rooms sold or more</source>
        <translation>% 房间已售及以上</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_dialog.py" line="332"/>
        <source>Another rule is already called %1.</source>
        <translation>已有名为 %1 的规则。</translation>
    </message>
</context>
<context>
    <name>RuleTableModel</name>
    <message>
        <location filename="../../ui/pricing/rule_table.py" line="29"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_table.py" line="29"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_table.py" line="29"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_table.py" line="29"/>
        <source>When</source>
        <translation>适用日期</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_table.py" line="30"/>
        <source>Change</source>
        <translation>调价</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_table.py" line="30"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_table.py" line="30"/>
        <source>Applies to</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_table.py" line="81"/>
        <source>Not applied: %1</source>
        <translation>未生效：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pricing/rule_table.py" line="83"/>
        <source>Changed, not saved yet</source>
        <translation>已修改，尚未保存</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="64"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="66"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="44"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="52"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="73"/>
        <source>The new language is used from the next start of channelmgr.</source>
        <translation>新语言将在下次启动 channelmgr 时生效。</translation>
    </message>
</context>
<context>
    <name>SettingsSection</name>
    <message>
        <location filename="../../ui/settings/section.py" line="26"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/settings/section.py" line="48"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/section.py" line="60"/>
        <source>Saving failed: %1</source>
        <translation>保存失败：%1</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../ui/sync/indicator.py" line="98"/>
        <source>Last in sync: %1</source>
        <translation>最近同步完成：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="113"/>
        <source>Channels %1</source>
        <translation>渠道 %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="121"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="123"/>
        <source>Click to open the Channels page.</source>
        <translation>点击打开渠道页面。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="128"/>
        <source>%1 failing</source>
        <translation>%1 出错</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="128"/>
        <source>%1 pending</source>
        <translation>%1 待同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="129"/>
        <source>%1 in sync</source>
        <translation>%1 已同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="129"/>
        <source>%1 disabled</source>
        <translation>%1 已停用</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="130"/>
        <source>%1 not synced yet</source>
        <translation>%1 尚未同步</translation>
    </message>
</context>
<context>
    <name>SyncLogView</name>
    <message>
        <location filename="../../ui/sync/log_view.py" line="39"/>
        <source>All results</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="42"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="61"/>
        <location filename="../../ui/sync/log_view.py" line="134"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="63"/>
        <location filename="../../ui/sync/log_view.py" line="141"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="83"/>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/log_view.py" line="97"/>
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n 个请求</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="100"/>
        <source>Export sync log</source>
        <translation>导出同步日志</translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="101"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/log_view.py" line="112"/>
        <source>%n row(s) exported to %1</source>
        <translation>
            <numerusform>已导出 %n 行到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="120"/>
        <source>What the channel cannot carry</source>
        <translation>渠道无法承载的内容</translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="122"/>
        <source>The channel asks to wait</source>
        <translation>渠道要求稍后再试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="128"/>
        <source>Drift audit: %1</source>
        <translation>渠道核对：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="133"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="135"/>
        <source>Message</source>
        <translation>报文</translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="136"/>
        <source>Cells</source>
        <translation>格子数</translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="137"/>
        <source>Ranges</source>
        <translation>区间数</translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="138"/>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="139"/>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="140"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../ui/sync/log_view.py" line="144"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <location filename="../../ui/sync/texts.py" line="24"/>
        <source>In sync</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="28"/>
        <source>Pending: %1 content part(s)</source>
        <translation>待同步：%1 项房型内容</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/texts.py" line="29"/>
        <source>Pending: %n cell(s)</source>
        <translation>
            <numerusform>待同步：%n 个格子</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="31"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="32"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="35"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="39"/>
        <source>Rooms to sell</source>
        <translation>可售房量</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="40"/>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="41"/>
        <source>Restrictions</source>
        <translation>限制</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="46"/>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="47"/>
        <source>Partly refused</source>
        <translation>部分被拒</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="48"/>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="49"/>
        <source>Failed, will retry</source>
        <translation>失败，将重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="50"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="51"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="56"/>
        <source>Room type %1 is not mapped: nothing of it is sent</source>
        <translation>房型 %1 未映射：不发送它的任何数据</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="58"/>
        <source>Rate plan %1 is not mapped: its prices and restrictions are not sent</source>
        <translation>价格计划 %1 未映射：不发送其价格和限制</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="61"/>
        <source>Room type %1 is archived: its mapping is not sent</source>
        <translation>房型 %1 已归档：不按映射发送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="63"/>
        <source>Remote code %1 is mapped from several room types or plans: not sent</source>
        <translation>渠道代码 %1 被多个房型或价格计划映射：暂不发送</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/texts.py" line="66"/>
        <source>Rate plan %1 has no price on %n night(s): those nights are not sent</source>
        <translation>
            <numerusform>价格计划 %1 有 %n 晚没有价格：这些晚不发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/texts.py" line="69"/>
        <source>%1 on %n night(s) of %2: the channel does not take it</source>
        <translation>
            <numerusform>%2 有 %n 晚设置了%1：该渠道不支持，未发送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="72"/>
        <source>The channel reads our iCal feed: nothing is pushed</source>
        <translation>该渠道读取我们的 iCal 日历：无需推送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="74"/>
        <source>Room type %1 is not mapped: its content is not sent</source>
        <translation>房型 %1 未映射：不发送它的房型内容</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="76"/>
        <source>Check-in/out times differ between room types: the channel gets %1, the times every room type keeps</source>
        <translation>各房型的入住/退房时间不同：渠道收到 %1，即所有房型都能做到的时间</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/texts.py" line="79"/>
        <source>Maximum stay below minimum stay on %n night(s) of %1: sent as the minimum</source>
        <translation>
            <numerusform>%1 有 %n 晚最长入住小于最短入住：按最短入住发送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="83"/>
        <source>Note: the last drift audit found %1 difference(s): send ours again with “Push again” or channelmgr channel audit --push-again</source>
        <translation>提示：渠道核对发现 %1 处差异：用「重新推送」或 channelmgr channel audit --push-again 重新推送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="89"/>
        <source>%1: %2</source>
        <comment>a channel or its sync state, then what about it</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="94"/>
        <source>%1 asks to wait %2 s: next push at %3</source>
        <translation>%1 要求 %2 秒后再试，下次推送 %3</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="103"/>
        <source>min stay sent as arrival-based (raised on %1 night(s) so no stay sold breaks a later night&apos;s minimum)</source>
        <translation>最少入住按入住日发送（%1 晚已调高，以免售出的住宿违反其后某晚的最少入住）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="105"/>
        <source>min stay sent as arrival-based</source>
        <translation>最少入住按入住日发送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="107"/>
        <source>%1 night(s) beyond its %2-day horizon not sent</source>
        <translation>超出其 %2 天可售期的 %1 晚未发送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="110"/>
        <source>%1 not supported, %2 night(s) skipped</source>
        <translation>不支持%1，%2 晚未发送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="113"/>
        <source>one price sent for any number of guests (no occupancy prices set up)</source>
        <translation>各入住人数发送同一价格（未设置按人数定价）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="115"/>
        <source>prices not sent: the channel reads prices per person, ours are per room</source>
        <translation>价格未发送：该渠道按人计价，本店价格按间计</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="121"/>
        <source>Content: not taken by this channel (capability content is off), nothing sent</source>
        <translation>房型内容：该渠道不接收（content 能力未开启），不发送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="123"/>
        <source>Content unchanged</source>
        <translation>房型内容未变</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="125"/>
        <source>Content: %1 room type(s), %2 amenities, %3 photo(s)</source>
        <translation>房型内容：%1 个房型，%2 项设施，%3 张照片</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="128"/>
        <source>, property details</source>
        <translation>，酒店信息</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="130"/>
        <source>, %1 summary(ies)</source>
        <translation>，%1 条简介</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="132"/>
        <source>, %1 floor area(s)</source>
        <translation>，%1 个面积</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="134"/>
        <source>; %1 attribute(s) not carried</source>
        <translation>；%1 项属性无法发送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="136"/>
        <source>; %1 photo(s) on this computer only, not sent</source>
        <translation>；%1 张照片仅在本机，未发送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="144"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="150"/>
        <source>Cannot connect to %1: check the network or the channel address</source>
        <translation>无法连接到 %1：请检查网络或渠道地址</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="151"/>
        <source>The connection to %1 was cut: it will be retried</source>
        <translation>与 %1 的连接中断：稍后会自动重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="152"/>
        <source>%1 did not answer in time: it will be retried</source>
        <translation>%1 响应超时：稍后会自动重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="153"/>
        <source>%1 cannot be reached: check the internet connection and the address</source>
        <translation>找不到 %1 的服务器：请检查网络连接和渠道地址</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="154"/>
        <source>The secure connection to %1 failed: check the address and this computer&apos;s clock</source>
        <translation>与 %1 的安全连接失败：请检查渠道地址和本机时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="155"/>
        <source>%1 refused the login: check the user name and password (or the API key)</source>
        <translation>%1 拒绝了登录：请检查用户名和密码（或 API 密钥）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="156"/>
        <source>%1 asks to slow down: it will be retried</source>
        <translation>%1 要求降低请求频率：稍后会自动重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="157"/>
        <source>The server of %1 had an error: it will be retried</source>
        <translation>%1 的服务器出错：稍后会自动重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="158"/>
        <source>%1 refused some of the data: see the sync log</source>
        <translation>%1 拒绝了部分数据：原因见同步日志</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="159"/>
        <source>The reply of %1 could not be read: nothing confirmed, it will be retried</source>
        <translation>%1 的回复无法读取：未确认任何数据，稍后会重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="160"/>
        <source>The settings of %1 are incomplete: check the address, password and mappings</source>
        <translation>%1 的设置不完整：请检查地址、密码和映射</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="161"/>
        <source>The stored password of %1 cannot be opened: restore the key file or set the password again</source>
        <translation>%1 保存的密码无法解开：请恢复密钥文件，或重新设置密码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="163"/>
        <source>An internal error while syncing %1: see the log</source>
        <translation>同步 %1 时出现内部错误：详情见日志</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="171"/>
        <source>Restrictions taken</source>
        <translation>可接收的限制</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="172"/>
        <source>Minimum stay basis</source>
        <translation>最少入住计算方式</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="173"/>
        <source>Days ahead it takes</source>
        <translation>可售天数上限</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="174"/>
        <source>Prices per number of guests</source>
        <translation>按入住人数定价</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="175"/>
        <source>Price unit</source>
        <translation>价格单位</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="176"/>
        <source>Listing content</source>
        <translation>房源内容</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="181"/>
        <source>Stop-sell</source>
        <translation>停售</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="182"/>
        <source>Closed to arrival</source>
        <translation>禁止入住</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="183"/>
        <source>Closed to departure</source>
        <translation>禁止离店</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="184"/>
        <source>Minimum stay</source>
        <translation>最少入住</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="185"/>
        <source>Maximum stay</source>
        <translation>最多入住</translation>
    </message>
</context>
<context>
    <name>UnmaskedChoice</name>
    <message>
        <location filename="../../ui/unmasked_choice.py" line="18"/>
        <source>Phone numbers in clear (recorded in the audit)</source>
        <translation>电话号码不打码（记入审计）</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="54"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="56"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="57"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="58"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="59"/>
        <source>Last sign-in (UTC)</source>
        <translation>上次登录 (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="60"/>
        <source>Review</source>
        <translation>审查</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="71"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="71"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="72"/>
        <source>Disable / enable</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="79"/>
        <source>Set role</source>
        <translation>设置角色</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="92"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="93"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="93"/>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="98"/>
        <source>unused for %1 days</source>
        <translation>%1 天未使用</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="120"/>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="124"/>
        <source>Added %1</source>
        <translation>已添加 %1</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="130"/>
        <source>Reset the password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="133"/>
        <source>Password of %1 reset: %1 chooses a new one at the next sign-in</source>
        <translation>已重置 %1 的密码：%1 下次登录时须设置新密码</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="140"/>
        <source>Disabled %1</source>
        <translation>已停用 %1</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="140"/>
        <source>Enabled %1</source>
        <translation>已启用 %1</translation>
    </message>
    <message>
        <location filename="../../ui/security/users_dialog.py" line="146"/>
        <source>%1 is now %2</source>
        <translation>%1 现在是 %2</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="57"/>
        <source>Walk-in guest</source>
        <translation>散客入住</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="64"/>
        <source>%1 left tonight</source>
        <translation>今晚剩 %1 间</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="71"/>
        <source> night(s)</source>
        <translation> 晚</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="87"/>
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="88"/>
        <source>Nights from tonight</source>
        <translation>从今晚起住</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="89"/>
        <source>Adults</source>
        <translation>成人</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="90"/>
        <source>Children</source>
        <translation>儿童</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="91"/>
        <source>Guest name</source>
        <translation>客人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="92"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="93"/>
        <source>Amount for the stay (¥)</source>
        <translation>订单总额（¥）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="117"/>
        <source>Pricing the stay…</source>
        <translation>正在计算房费…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="124"/>
        <source>No price for this stay: enter the amount.</source>
        <translation>这段入住没有价格：请填写金额。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="129"/>
        <source>%1 for %2 night(s), priced night by night</source>
        <translation>%2 晚共 %1（按每晚价格计算）</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="94"/>
        <source>Check in to room</source>
        <translation>入住房间</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="98"/>
        <source>Book</source>
        <translation>预订</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/front_desk_dialogs.py" line="107"/>
        <source>Later (no room yet)</source>
        <translation>稍后分配</translation>
    </message>
</context>
<context>
    <name>WeekdayPicker</name>
    <message>
        <location filename="../../ui/calendar/form_parts.py" line="68"/>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/form_parts.py" line="69"/>
        <source>Weekends</source>
        <translation>周末</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/form_parts.py" line="70"/>
        <source>Mon–Fri</source>
        <translation>周一至周五</translation>
    </message>
</context>
<context>
    <name>_PasswordDialog</name>
    <message>
        <location filename="../../ui/security/password_forms.py" line="35"/>
        <source>The password needs at least %1 characters, with letters and digits; administrators and operators change it every %2 days.</source>
        <translation>密码至少 %1 个字符，须包含字母和数字；管理员和操作员每 %2 天更换一次密码。</translation>
    </message>
    <message>
        <location filename="../../ui/security/password_forms.py" line="61"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../ui/security/password_forms.py" line="62"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../ui/security/password_forms.py" line="66"/>
        <source>The two passwords differ; type the same password twice.</source>
        <translation>两次输入的密码不同，请输入相同的密码。</translation>
    </message>
</context>
</TS>
