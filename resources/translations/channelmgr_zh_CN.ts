<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../ui/pages/planned.py" line="15"/>
        <source>Calendar</source>
        <translation>房态日历</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planned.py" line="18"/>
        <source>The room-state calendar: rooms left, prices and restrictions per room type and night.</source>
        <translation>房态日历：按房型和日期查看剩余房量、价格与限制。</translation>
    </message>
</context>
<context>
    <name>ChannelsPage</name>
    <message>
        <location filename="../../ui/pages/planned.py" line="37"/>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planned.py" line="40"/>
        <source>OTA channels, room mappings, sync status and the sync log.</source>
        <translation>OTA 渠道、房型映射、同步状态与同步日志。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="31"/>
        <source>channelmgr — homestay channel manager</source>
        <translation>channelmgr — 民宿渠道管理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="66"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="67"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
</context>
<context>
    <name>PricesPage</name>
    <message>
        <location filename="../../ui/pages/planned.py" line="26"/>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planned.py" line="29"/>
        <source>Rate plans and price rules: weekends, seasons, Chinese holidays, channel markups.</source>
        <translation>价格计划与调价规则：周末、季节、法定节假日、渠道加价。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/planned.py" line="48"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/planned.py" line="51"/>
        <source>Occupancy, ADR, RevPAR and revenue per channel.</source>
        <translation>入住率、平均房价、RevPAR 与各渠道收入。</translation>
    </message>
</context>
<context>
    <name>ReservationsPage</name>
    <message>
        <location filename="../../ui/pages/reservations.py" line="16"/>
        <source>Reservations</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="20"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="21"/>
        <source>Guest</source>
        <translation>客人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="22"/>
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="23"/>
        <source>Arrival</source>
        <translation>入住</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="24"/>
        <source>Departure</source>
        <translation>离店</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="25"/>
        <source>Nights</source>
        <translation>间夜</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="26"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="27"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="28"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="33"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="34"/>
        <source>Walk-in</source>
        <translation>散客到店</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="35"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="36"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="41"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="42"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="43"/>
        <source>No-show</source>
        <translation>未到店</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="44"/>
        <source>Checked in</source>
        <translation>已入住</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reservations.py" line="45"/>
        <source>Checked out</source>
        <translation>已离店</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/reservations.py" line="52"/>
        <source>%n reservation(s)</source>
        <translation>
            <numerusform>%n 个订单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomTypesPage</name>
    <message>
        <location filename="../../ui/pages/room_types.py" line="16"/>
        <source>Room types</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="24"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="25"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="26"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="27"/>
        <source>Rooms</source>
        <translation>房间数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="28"/>
        <source>Rate plans</source>
        <translation>价格计划</translation>
    </message>
    <message>
        <location filename="../../ui/pages/room_types.py" line="29"/>
        <source>Base price</source>
        <translation>基础价</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/room_types.py" line="37"/>
        <source>%n room type(s)</source>
        <translation>
            <numerusform>%n 个房型</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/room_types.py" line="37"/>
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n 间房</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="25"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="26"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="36"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="42"/>
        <source>The new language is used from the next start of channelmgr.</source>
        <translation>新语言将在下次启动 channelmgr 时生效。</translation>
    </message>
</context>
</TS>
