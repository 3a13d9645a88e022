// GENERATED from schema/profile.schema.json by src/build/schema.ts: do not edit.
// Run `npm run generate` after changing the schema.
// @ts-nocheck

export const validate = validate10;
export default validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://synfw.dev/schema/profile.schema.json","title":"synfw profile","description":"A synfw profile: which Synology NAS sits behind the router, which DSM apps and extra ports must be reachable from the internet, and how the router is set up. synfw turns it into port-forwarding rules for a router (synfw gen PROFILE --target TARGET).","type":"object","additionalProperties":false,"required":["version","nas","apps"],"properties":{"$schema":{"description":"Path or URL of this JSON Schema, for editors that read it from the document instead of the yaml-language-server comment.","type":"string"},"version":{"description":"Profile format version. 1 is the only version so far.","const":1},"name":{"description":"Profile name: tags every generated rule as synfw:<name> so a later run can find and replace them. Lower-case letters, digits and '-', at most 32 characters. Default: the file's base name, slugged.","type":"string","pattern":"^[a-z0-9][a-z0-9-]*$","maxLength":32},"nas":{"description":"The NAS that the forwards point at.","type":"object","additionalProperties":false,"required":["address"],"properties":{"address":{"description":"The NAS's LAN IPv4 address, e.g. 192.168.1.10.","type":"string","minLength":1},"address6":{"description":"The NAS's global IPv6 address. IPv6 has no NAT: targets that can do so emit firewall allow rules for this address on every forwarded port.","type":"string","minLength":1},"dsm":{"description":"DSM settings that change which ports apps use.","type":"object","additionalProperties":false,"properties":{"version":{"description":"DSM version, e.g. \"7.2\" (quote it). Apps removed before this version are an error; version-specific ports follow it. Default: the newest DSM the catalog knows.","type":"string","pattern":"^[0-9]+\\.[0-9]+(\\.[0-9]+)?$"},"http":{"description":"DSM's HTTP port (Control Panel > Login Portal > DSM). Default 5000. Apps served through DSM use it too.","$ref":"#/definitions/port"},"https":{"description":"DSM's HTTPS port (Control Panel > Login Portal > DSM). Default 5001. Apps served through DSM use it too.","$ref":"#/definitions/port"}}}}},"router":{"description":"How the router names its sides. router.wan and router.lan apply to every target; router.<target> (e.g. router.openwrt) overrides them for one target, so one profile can serve routers that name things differently.","type":"object","additionalProperties":false,"properties":{"wan":{"description":"The WAN side, for every target that has no router.<target>.wan: a firewall zone on OpenWrt, an interface id (wan, opt1) on pfSense and OPNsense, an interface list on RouterOS, a Linux interface on iptables, nftables and VyOS. Each target has its own default, rejects a value that cannot be right for it, and the output header says which was used.","$ref":"#/definitions/ifname"},"lan":{"description":"The LAN side (used for hairpin NAT), for every target that has no router.<target>.lan; same meaning per target as router.wan.","$ref":"#/definitions/ifname"},"iptables":{"description":"iptables: Linux interfaces (default WAN eth0; LAN needed for hairpin). The WAN and LAN names for this target only, overriding router.wan and router.lan.","$ref":"#/definitions/routerSides"},"nftables":{"description":"nftables: Linux interfaces (default WAN eth0; LAN needed for hairpin). The WAN and LAN names for this target only, overriding router.wan and router.lan.","$ref":"#/definitions/routerSides"},"openwrt":{"description":"OpenWrt: firewall zones (default wan and lan). The WAN and LAN names for this target only, overriding router.wan and router.lan.","$ref":"#/definitions/routerSides"},"pfsense":{"description":"pfSense: interface ids from Interfaces > Assignments: wan, lan, opt1, ... (default wan and lan). The WAN and LAN names for this target only, overriding router.wan and router.lan.","$ref":"#/definitions/routerSides"},"opnsense":{"description":"OPNsense: interface ids: wan, lan, opt1, ... (default wan and lan). The WAN and LAN names for this target only, overriding router.wan and router.lan.","$ref":"#/definitions/routerSides"},"mikrotik":{"description":"MikroTik RouterOS: interface lists (default WAN and LAN, as in the default configuration). The WAN and LAN names for this target only, overriding router.wan and router.lan.","$ref":"#/definitions/routerSides"},"vyos":{"description":"VyOS: interfaces such as eth0, br0 or eth0.10 (default WAN eth0; LAN needed for hairpin). The WAN and LAN names for this target only, overriding router.wan and router.lan.","$ref":"#/definitions/routerSides"}}},"apps":{"description":"DSM apps (catalog ids, see `synfw apps`) that must be reachable from the internet. Short form: the id, meaning the app's internet-safe ports. Long form: an object with id and options. May be empty when custom is not.","type":"array","items":{"oneOf":[{"description":"A catalog app id or alias (see `synfw apps`): forwards the app's internet-safe ports.","$ref":"#/definitions/appId"},{"description":"A catalog app with options.","type":"object","additionalProperties":false,"required":["id"],"properties":{"id":{"description":"A catalog app id or alias (see `synfw apps`).","$ref":"#/definitions/appId"},"ports":{"description":"Only these port labels of the app (see `synfw apps ID`).","type":"array","minItems":1,"items":{"$ref":"#/definitions/label"}},"external":{"description":"WAN port per label, when the internet should use another port than the NAS (e.g. https: 443 forwards WAN 443 to DSM's 5001). For a range label, the first WAN port.","type":"object","propertyNames":{"$ref":"#/definitions/label"},"additionalProperties":{"$ref":"#/definitions/port"}},"override":{"description":"The user moved a port in the app's own settings: label -> port, or \"FIRST-LAST\" for a range label.","type":"object","propertyNames":{"$ref":"#/definitions/label"},"additionalProperties":{"$ref":"#/definitions/portOrRange"}}}}]}},"custom":{"description":"Ports outside the catalog (containers, other services on the NAS).","type":"array","items":{"type":"object","additionalProperties":false,"required":["id","ports"],"properties":{"id":{"description":"Name of the service: lower-case letters, digits and '-'; must not be a catalog app id.","$ref":"#/definitions/id"},"description":{"description":"Free text for rule comments and descriptions (escaped for each router's syntax).","type":"string"},"ports":{"description":"\"PORT/PROTO\" or \"FIRST-LAST/PROTO\"; PROTO is tcp, udp or both.","type":"array","minItems":1,"items":{"description":"\"PORT/PROTO\" or \"FIRST-LAST/PROTO\"; PROTO is tcp, udp or both.","type":"string"}},"external":{"description":"WAN port per port spec (the key is one of this entry's ports, e.g. \"32400/tcp\"). For a range, the first WAN port.","type":"object","additionalProperties":{"$ref":"#/definitions/port"}}}}},"allowFrom":{"description":"Only these source addresses or CIDRs may use the forwards (IPv4 such as 198.51.100.0/24, or IPv6 such as 2001:db8::/32 for nas.address6). Default: anyone. With only IPv4 entries, no IPv6 source may reach nas.address6.","type":"array","minItems":1,"items":{"type":"string","minLength":1}},"hairpin":{"description":"NAT loopback: true makes the forwards work from the LAN through the router's WAN address too; false makes sure they do not; omitted leaves the router's own default (OpenWrt and pfSense/OPNsense reflect by default, the Linux targets do not).","type":"boolean"},"allowRisky":{"description":"App ids, or app:label pairs, whose risky ports (cleartext logins, SMB, SSH, ...) you accept forwarding to the internet.","type":"array","items":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*(:[a-z0-9][a-z0-9-]*|:[0-9]+(-[0-9]+)?/(tcp|udp|both))?$"}}},"definitions":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$","maxLength":64},"appId":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$","maxLength":64},"label":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$"},"port":{"type":"integer","minimum":1,"maximum":65535},"portOrRange":{"oneOf":[{"$ref":"#/definitions/port"},{"type":"string","pattern":"^[0-9]+-[0-9]+$"}]},"ifname":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.@:+-]*$","maxLength":64},"routerSides":{"type":"object","additionalProperties":false,"properties":{"wan":{"description":"The WAN side on this target.","$ref":"#/definitions/ifname"},"lan":{"description":"The LAN side on this target (used for hairpin NAT).","$ref":"#/definitions/ifname"}}}}};
const schema12 = {"type":"integer","minimum":1,"maximum":65535};
const schema14 = {"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.@:+-]*$","maxLength":64};
const schema19 = {"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$","maxLength":64};
const schema21 = {"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$"};
const schema27 = {"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$","maxLength":64};
const func2 = Object.prototype.hasOwnProperty;
const func3 = (function ucs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  while (pos < len) {
    length++;
    const value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
});
const pattern0 = new RegExp("^[a-z0-9][a-z0-9-]*$", "u");
const pattern1 = new RegExp("^[0-9]+\\.[0-9]+(\\.[0-9]+)?$", "u");
const pattern2 = new RegExp("^[A-Za-z0-9][A-Za-z0-9_.@:+-]*$", "u");
const pattern13 = new RegExp("^[a-z0-9][a-z0-9-]*(:[a-z0-9][a-z0-9-]*|:[0-9]+(-[0-9]+)?/(tcp|udp|both))?$", "u");
const schema16 = {"type":"object","additionalProperties":false,"properties":{"wan":{"description":"The WAN side on this target.","$ref":"#/definitions/ifname"},"lan":{"description":"The LAN side on this target (used for hairpin NAT).","$ref":"#/definitions/ifname"}}};

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((key0 === "wan") || (key0 === "lan"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.wan !== undefined){
let data0 = data.wan;
if(typeof data0 === "string"){
if(func3(data0) > 64){
const err1 = {instancePath:instancePath+"/wan",schemaPath:"#/definitions/ifname/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(!pattern2.test(data0)){
const err2 = {instancePath:instancePath+"/wan",schemaPath:"#/definitions/ifname/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_.@:+-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_.@:+-]*$"+"\""};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/wan",schemaPath:"#/definitions/ifname/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.lan !== undefined){
let data1 = data.lan;
if(typeof data1 === "string"){
if(func3(data1) > 64){
const err4 = {instancePath:instancePath+"/lan",schemaPath:"#/definitions/ifname/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!pattern2.test(data1)){
const err5 = {instancePath:instancePath+"/lan",schemaPath:"#/definitions/ifname/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_.@:+-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_.@:+-]*$"+"\""};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/lan",schemaPath:"#/definitions/ifname/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

const schema25 = {"oneOf":[{"$ref":"#/definitions/port"},{"type":"string","pattern":"^[0-9]+-[0-9]+$"}]};
const pattern11 = new RegExp("^[0-9]+-[0-9]+$", "u");

function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(!(((typeof data == "number") && (!(data % 1) && !isNaN(data))) && (isFinite(data)))){
const err0 = {instancePath,schemaPath:"#/definitions/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if((typeof data == "number") && (isFinite(data))){
if(data > 65535 || isNaN(data)){
const err1 = {instancePath,schemaPath:"#/definitions/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data < 1 || isNaN(data)){
const err2 = {instancePath,schemaPath:"#/definitions/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs4 = errors;
if(typeof data === "string"){
if(!pattern11.test(data)){
const err3 = {instancePath,schemaPath:"#/oneOf/1/pattern",keyword:"pattern",params:{pattern: "^[0-9]+-[0-9]+$"},message:"must match pattern \""+"^[0-9]+-[0-9]+$"+"\""};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs4 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
}
if(!valid0){
const err5 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate19.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://synfw.dev/schema/profile.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.nas === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "nas"},message:"must have required property '"+"nas"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.apps === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apps"},message:"must have required property '"+"apps"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.$schema !== undefined){
if(typeof data.$schema !== "string"){
const err4 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.version !== undefined){
if(1 !== data.version){
const err5 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.name !== undefined){
let data2 = data.name;
if(typeof data2 === "string"){
if(func3(data2) > 32){
const err6 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!pattern0.test(data2)){
const err7 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\""};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.nas !== undefined){
let data3 = data.nas;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.address === undefined){
const err9 = {instancePath:instancePath+"/nas",schemaPath:"#/properties/nas/required",keyword:"required",params:{missingProperty: "address"},message:"must have required property '"+"address"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key1 in data3){
if(!(((key1 === "address") || (key1 === "address6")) || (key1 === "dsm"))){
const err10 = {instancePath:instancePath+"/nas",schemaPath:"#/properties/nas/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data3.address !== undefined){
let data4 = data3.address;
if(typeof data4 === "string"){
if(func3(data4) < 1){
const err11 = {instancePath:instancePath+"/nas/address",schemaPath:"#/properties/nas/properties/address/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/nas/address",schemaPath:"#/properties/nas/properties/address/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data3.address6 !== undefined){
let data5 = data3.address6;
if(typeof data5 === "string"){
if(func3(data5) < 1){
const err13 = {instancePath:instancePath+"/nas/address6",schemaPath:"#/properties/nas/properties/address6/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/nas/address6",schemaPath:"#/properties/nas/properties/address6/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data3.dsm !== undefined){
let data6 = data3.dsm;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key2 in data6){
if(!(((key2 === "version") || (key2 === "http")) || (key2 === "https"))){
const err15 = {instancePath:instancePath+"/nas/dsm",schemaPath:"#/properties/nas/properties/dsm/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data6.version !== undefined){
let data7 = data6.version;
if(typeof data7 === "string"){
if(!pattern1.test(data7)){
const err16 = {instancePath:instancePath+"/nas/dsm/version",schemaPath:"#/properties/nas/properties/dsm/properties/version/pattern",keyword:"pattern",params:{pattern: "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$"},message:"must match pattern \""+"^[0-9]+\\.[0-9]+(\\.[0-9]+)?$"+"\""};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/nas/dsm/version",schemaPath:"#/properties/nas/properties/dsm/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data6.http !== undefined){
let data8 = data6.http;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err18 = {instancePath:instancePath+"/nas/dsm/http",schemaPath:"#/definitions/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 65535 || isNaN(data8)){
const err19 = {instancePath:instancePath+"/nas/dsm/http",schemaPath:"#/definitions/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data8 < 1 || isNaN(data8)){
const err20 = {instancePath:instancePath+"/nas/dsm/http",schemaPath:"#/definitions/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
if(data6.https !== undefined){
let data9 = data6.https;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err21 = {instancePath:instancePath+"/nas/dsm/https",schemaPath:"#/definitions/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 65535 || isNaN(data9)){
const err22 = {instancePath:instancePath+"/nas/dsm/https",schemaPath:"#/definitions/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data9 < 1 || isNaN(data9)){
const err23 = {instancePath:instancePath+"/nas/dsm/https",schemaPath:"#/definitions/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
}
else {
const err24 = {instancePath:instancePath+"/nas/dsm",schemaPath:"#/properties/nas/properties/dsm/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/nas",schemaPath:"#/properties/nas/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.router !== undefined){
let data10 = data.router;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key3 in data10){
if(!(func2.call(schema11.properties.router.properties, key3))){
const err26 = {instancePath:instancePath+"/router",schemaPath:"#/properties/router/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data10.wan !== undefined){
let data11 = data10.wan;
if(typeof data11 === "string"){
if(func3(data11) > 64){
const err27 = {instancePath:instancePath+"/router/wan",schemaPath:"#/definitions/ifname/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(!pattern2.test(data11)){
const err28 = {instancePath:instancePath+"/router/wan",schemaPath:"#/definitions/ifname/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_.@:+-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_.@:+-]*$"+"\""};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/router/wan",schemaPath:"#/definitions/ifname/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data10.lan !== undefined){
let data12 = data10.lan;
if(typeof data12 === "string"){
if(func3(data12) > 64){
const err30 = {instancePath:instancePath+"/router/lan",schemaPath:"#/definitions/ifname/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(!pattern2.test(data12)){
const err31 = {instancePath:instancePath+"/router/lan",schemaPath:"#/definitions/ifname/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_.@:+-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_.@:+-]*$"+"\""};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/router/lan",schemaPath:"#/definitions/ifname/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data10.iptables !== undefined){
if(!(validate11(data10.iptables, {instancePath:instancePath+"/router/iptables",parentData:data10,parentDataProperty:"iptables",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data10.nftables !== undefined){
if(!(validate11(data10.nftables, {instancePath:instancePath+"/router/nftables",parentData:data10,parentDataProperty:"nftables",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data10.openwrt !== undefined){
if(!(validate11(data10.openwrt, {instancePath:instancePath+"/router/openwrt",parentData:data10,parentDataProperty:"openwrt",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data10.pfsense !== undefined){
if(!(validate11(data10.pfsense, {instancePath:instancePath+"/router/pfsense",parentData:data10,parentDataProperty:"pfsense",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data10.opnsense !== undefined){
if(!(validate11(data10.opnsense, {instancePath:instancePath+"/router/opnsense",parentData:data10,parentDataProperty:"opnsense",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data10.mikrotik !== undefined){
if(!(validate11(data10.mikrotik, {instancePath:instancePath+"/router/mikrotik",parentData:data10,parentDataProperty:"mikrotik",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data10.vyos !== undefined){
if(!(validate11(data10.vyos, {instancePath:instancePath+"/router/vyos",parentData:data10,parentDataProperty:"vyos",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err33 = {instancePath:instancePath+"/router",schemaPath:"#/properties/router/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.apps !== undefined){
let data20 = data.apps;
if(Array.isArray(data20)){
const len0 = data20.length;
for(let i0=0; i0<len0; i0++){
let data21 = data20[i0];
const _errs44 = errors;
let valid10 = false;
let passing0 = null;
const _errs45 = errors;
if(typeof data21 === "string"){
if(func3(data21) > 64){
const err34 = {instancePath:instancePath+"/apps/" + i0,schemaPath:"#/definitions/appId/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(!pattern0.test(data21)){
const err35 = {instancePath:instancePath+"/apps/" + i0,schemaPath:"#/definitions/appId/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\""};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/apps/" + i0,schemaPath:"#/definitions/appId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
var _valid0 = _errs45 === errors;
if(_valid0){
valid10 = true;
passing0 = 0;
}
const _errs48 = errors;
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
if(data21.id === undefined){
const err37 = {instancePath:instancePath+"/apps/" + i0,schemaPath:"#/properties/apps/items/oneOf/1/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
for(const key4 in data21){
if(!((((key4 === "id") || (key4 === "ports")) || (key4 === "external")) || (key4 === "override"))){
const err38 = {instancePath:instancePath+"/apps/" + i0,schemaPath:"#/properties/apps/items/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data21.id !== undefined){
let data22 = data21.id;
if(typeof data22 === "string"){
if(func3(data22) > 64){
const err39 = {instancePath:instancePath+"/apps/" + i0+"/id",schemaPath:"#/definitions/appId/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if(!pattern0.test(data22)){
const err40 = {instancePath:instancePath+"/apps/" + i0+"/id",schemaPath:"#/definitions/appId/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\""};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
else {
const err41 = {instancePath:instancePath+"/apps/" + i0+"/id",schemaPath:"#/definitions/appId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data21.ports !== undefined){
let data23 = data21.ports;
if(Array.isArray(data23)){
if(data23.length < 1){
const err42 = {instancePath:instancePath+"/apps/" + i0+"/ports",schemaPath:"#/properties/apps/items/oneOf/1/properties/ports/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
const len1 = data23.length;
for(let i1=0; i1<len1; i1++){
let data24 = data23[i1];
if(typeof data24 === "string"){
if(!pattern0.test(data24)){
const err43 = {instancePath:instancePath+"/apps/" + i0+"/ports/" + i1,schemaPath:"#/definitions/label/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\""};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
else {
const err44 = {instancePath:instancePath+"/apps/" + i0+"/ports/" + i1,schemaPath:"#/definitions/label/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath:instancePath+"/apps/" + i0+"/ports",schemaPath:"#/properties/apps/items/oneOf/1/properties/ports/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data21.external !== undefined){
let data25 = data21.external;
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
for(const key5 in data25){
const _errs61 = errors;
if(typeof key5 === "string"){
if(!pattern0.test(key5)){
const err46 = {instancePath:instancePath+"/apps/" + i0+"/external",schemaPath:"#/definitions/label/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\"",propertyName:key5};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/apps/" + i0+"/external",schemaPath:"#/definitions/label/type",keyword:"type",params:{type: "string"},message:"must be string",propertyName:key5};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
var valid17 = _errs61 === errors;
if(!valid17){
const err48 = {instancePath:instancePath+"/apps/" + i0+"/external",schemaPath:"#/properties/apps/items/oneOf/1/properties/external/propertyNames",keyword:"propertyNames",params:{propertyName: key5},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
for(const key6 in data25){
let data26 = data25[key6];
if(!(((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26))) && (isFinite(data26)))){
const err49 = {instancePath:instancePath+"/apps/" + i0+"/external/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if((typeof data26 == "number") && (isFinite(data26))){
if(data26 > 65535 || isNaN(data26)){
const err50 = {instancePath:instancePath+"/apps/" + i0+"/external/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(data26 < 1 || isNaN(data26)){
const err51 = {instancePath:instancePath+"/apps/" + i0+"/external/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
}
else {
const err52 = {instancePath:instancePath+"/apps/" + i0+"/external",schemaPath:"#/properties/apps/items/oneOf/1/properties/external/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data21.override !== undefined){
let data27 = data21.override;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
for(const key7 in data27){
const _errs70 = errors;
if(typeof key7 === "string"){
if(!pattern0.test(key7)){
const err53 = {instancePath:instancePath+"/apps/" + i0+"/override",schemaPath:"#/definitions/label/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\"",propertyName:key7};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
else {
const err54 = {instancePath:instancePath+"/apps/" + i0+"/override",schemaPath:"#/definitions/label/type",keyword:"type",params:{type: "string"},message:"must be string",propertyName:key7};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
var valid21 = _errs70 === errors;
if(!valid21){
const err55 = {instancePath:instancePath+"/apps/" + i0+"/override",schemaPath:"#/properties/apps/items/oneOf/1/properties/override/propertyNames",keyword:"propertyNames",params:{propertyName: key7},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
for(const key8 in data27){
if(!(validate19(data27[key8], {instancePath:instancePath+"/apps/" + i0+"/override/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data27,parentDataProperty:key8,rootData}))){
vErrors = vErrors === null ? validate19.errors : vErrors.concat(validate19.errors);
errors = vErrors.length;
}
}
}
else {
const err56 = {instancePath:instancePath+"/apps/" + i0+"/override",schemaPath:"#/properties/apps/items/oneOf/1/properties/override/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
else {
const err57 = {instancePath:instancePath+"/apps/" + i0,schemaPath:"#/properties/apps/items/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
var _valid0 = _errs48 === errors;
if(_valid0 && valid10){
valid10 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid10 = true;
passing0 = 1;
}
}
if(!valid10){
const err58 = {instancePath:instancePath+"/apps/" + i0,schemaPath:"#/properties/apps/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
else {
errors = _errs44;
if(vErrors !== null){
if(_errs44){
vErrors.length = _errs44;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err59 = {instancePath:instancePath+"/apps",schemaPath:"#/properties/apps/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data.custom !== undefined){
let data29 = data.custom;
if(Array.isArray(data29)){
const len2 = data29.length;
for(let i2=0; i2<len2; i2++){
let data30 = data29[i2];
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
if(data30.id === undefined){
const err60 = {instancePath:instancePath+"/custom/" + i2,schemaPath:"#/properties/custom/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if(data30.ports === undefined){
const err61 = {instancePath:instancePath+"/custom/" + i2,schemaPath:"#/properties/custom/items/required",keyword:"required",params:{missingProperty: "ports"},message:"must have required property '"+"ports"+"'"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
for(const key9 in data30){
if(!((((key9 === "id") || (key9 === "description")) || (key9 === "ports")) || (key9 === "external"))){
const err62 = {instancePath:instancePath+"/custom/" + i2,schemaPath:"#/properties/custom/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data30.id !== undefined){
let data31 = data30.id;
if(typeof data31 === "string"){
if(func3(data31) > 64){
const err63 = {instancePath:instancePath+"/custom/" + i2+"/id",schemaPath:"#/definitions/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
if(!pattern0.test(data31)){
const err64 = {instancePath:instancePath+"/custom/" + i2+"/id",schemaPath:"#/definitions/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\""};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
else {
const err65 = {instancePath:instancePath+"/custom/" + i2+"/id",schemaPath:"#/definitions/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data30.description !== undefined){
if(typeof data30.description !== "string"){
const err66 = {instancePath:instancePath+"/custom/" + i2+"/description",schemaPath:"#/properties/custom/items/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data30.ports !== undefined){
let data33 = data30.ports;
if(Array.isArray(data33)){
if(data33.length < 1){
const err67 = {instancePath:instancePath+"/custom/" + i2+"/ports",schemaPath:"#/properties/custom/items/properties/ports/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
const len3 = data33.length;
for(let i3=0; i3<len3; i3++){
if(typeof data33[i3] !== "string"){
const err68 = {instancePath:instancePath+"/custom/" + i2+"/ports/" + i3,schemaPath:"#/properties/custom/items/properties/ports/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
}
else {
const err69 = {instancePath:instancePath+"/custom/" + i2+"/ports",schemaPath:"#/properties/custom/items/properties/ports/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data30.external !== undefined){
let data35 = data30.external;
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
for(const key10 in data35){
let data36 = data35[key10];
if(!(((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36))) && (isFinite(data36)))){
const err70 = {instancePath:instancePath+"/custom/" + i2+"/external/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if((typeof data36 == "number") && (isFinite(data36))){
if(data36 > 65535 || isNaN(data36)){
const err71 = {instancePath:instancePath+"/custom/" + i2+"/external/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if(data36 < 1 || isNaN(data36)){
const err72 = {instancePath:instancePath+"/custom/" + i2+"/external/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
}
}
else {
const err73 = {instancePath:instancePath+"/custom/" + i2+"/external",schemaPath:"#/properties/custom/items/properties/external/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
else {
const err74 = {instancePath:instancePath+"/custom/" + i2,schemaPath:"#/properties/custom/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
}
else {
const err75 = {instancePath:instancePath+"/custom",schemaPath:"#/properties/custom/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
if(data.allowFrom !== undefined){
let data37 = data.allowFrom;
if(Array.isArray(data37)){
if(data37.length < 1){
const err76 = {instancePath:instancePath+"/allowFrom",schemaPath:"#/properties/allowFrom/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
const len4 = data37.length;
for(let i4=0; i4<len4; i4++){
let data38 = data37[i4];
if(typeof data38 === "string"){
if(func3(data38) < 1){
const err77 = {instancePath:instancePath+"/allowFrom/" + i4,schemaPath:"#/properties/allowFrom/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
else {
const err78 = {instancePath:instancePath+"/allowFrom/" + i4,schemaPath:"#/properties/allowFrom/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
}
else {
const err79 = {instancePath:instancePath+"/allowFrom",schemaPath:"#/properties/allowFrom/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data.hairpin !== undefined){
if(typeof data.hairpin !== "boolean"){
const err80 = {instancePath:instancePath+"/hairpin",schemaPath:"#/properties/hairpin/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data.allowRisky !== undefined){
let data40 = data.allowRisky;
if(Array.isArray(data40)){
const len5 = data40.length;
for(let i5=0; i5<len5; i5++){
let data41 = data40[i5];
if(typeof data41 === "string"){
if(!pattern13.test(data41)){
const err81 = {instancePath:instancePath+"/allowRisky/" + i5,schemaPath:"#/properties/allowRisky/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*(:[a-z0-9][a-z0-9-]*|:[0-9]+(-[0-9]+)?/(tcp|udp|both))?$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*(:[a-z0-9][a-z0-9-]*|:[0-9]+(-[0-9]+)?/(tcp|udp|both))?$"+"\""};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
else {
const err82 = {instancePath:instancePath+"/allowRisky/" + i5,schemaPath:"#/properties/allowRisky/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
}
else {
const err83 = {instancePath:instancePath+"/allowRisky",schemaPath:"#/properties/allowRisky/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
}
else {
const err84 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

export const keysAt = {"":["$schema","version","name","nas","router","apps","custom","allowFrom","hairpin","allowRisky"],"/nas":["address","address6","dsm"],"/nas/dsm":["version","http","https"],"/router":["wan","lan","iptables","nftables","openwrt","pfsense","opnsense","mikrotik","vyos"],"/router/iptables":["wan","lan"],"/router/nftables":["wan","lan"],"/router/openwrt":["wan","lan"],"/router/pfsense":["wan","lan"],"/router/opnsense":["wan","lan"],"/router/mikrotik":["wan","lan"],"/router/vyos":["wan","lan"],"/apps/*":["id","ports","external","override"],"/custom/*":["id","description","ports","external"]};
export const requiredAt = {"":["version","nas","apps"],"/nas":["address"],"/apps/*":["id"],"/custom/*":["id","ports"]};
