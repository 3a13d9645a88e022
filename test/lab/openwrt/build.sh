#!/bin/sh
# Builds the OpenWrt lab's fake root from the vendored upstream sources (called by build.ts, which
# caches the result): libubox, ubus, uci and ucode compiled with Debian's cmake and installed as
# OpenWrt installs them (prefix /usr, libraries in /usr/lib, found there through an rpath), then
# firewall4's own tree, with fw4 in /usr/sbin (on a merged-/usr host /sbin is usr/sbin), the
# /etc/init.d/firewall stand-in and /bin/sh = busybox (fw4 is a busybox-ash script).
#   $1: directory with libubox-*.tar.gz ubus-*.tar.gz uci-*.tar.gz ucode-*.tar.gz firewall4-*.tar.gz
#   $2: the fake root to create (must not exist)
#   $3: a scratch directory for sources and objects (removed by the caller)
#   $4: the /etc/init.d/firewall stand-in
set -eu
vendor=$1
root=$2
work=$3
init=$4
jobs=$(nproc 2>/dev/null || echo 2)

mkdir -p "$root" "$work/src" "$work/build"
for part in libubox ubus uci ucode firewall4; do
	set -- "$vendor/$part"-*.tar.gz
	if [ "$#" -ne 1 ] || [ ! -f "$1" ]; then
		echo "build.sh: expected exactly one $vendor/$part-*.tar.gz" >&2
		exit 1
	fi
	tar -xzf "$1" -C "$work/src"
done

# Each part: configure, build, install into the fake root; output kept in its log unless it fails.
part() {
	name=$1
	shift
	dir="$work/build/$name"
	mkdir -p "$dir"
	if ! (
		cd "$dir" &&
			CFLAGS="-I$root/usr/include" \
				LDFLAGS="-L$root/usr/lib -Wl,-rpath,/usr/lib -Wl,-rpath-link,$root/usr/lib" \
				cmake "$work/src/$name" -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_INSTALL_LIBDIR=lib \
				-DCMAKE_PREFIX_PATH="$root/usr" "$@" &&
			make -j"$jobs" &&
			make install DESTDIR="$root"
	) >"$dir/log" 2>&1; then
		echo "build.sh: building $name failed:" >&2
		tail -n 40 "$dir/log" >&2
		return 1
	fi
}

part libubox -DBUILD_LUA=OFF -DBUILD_EXAMPLES=OFF
# ubus and uci need only libubox: build them side by side.
part ubus -DBUILD_LUA=OFF -DBUILD_EXAMPLES=OFF &
ubus=$!
part uci -DBUILD_LUA=OFF &
uci=$!
wait "$ubus"
wait "$uci"
# fw4 needs ucode's fs, uci and ubus modules; the netifd stand-in uloop too. Nothing else.
part ucode -DUBUS_SUPPORT=ON -DUCI_SUPPORT=ON -DULOOP_SUPPORT=ON -DFS_SUPPORT=ON \
	-DNL80211_SUPPORT=OFF -DRTNL_SUPPORT=OFF -DZLIB_SUPPORT=OFF -DDIGEST_SUPPORT=OFF \
	-DDIGEST_SUPPORT_EXTENDED=OFF -DDEBUG_SUPPORT=OFF -DMATH_SUPPORT=OFF -DRESOLV_SUPPORT=OFF \
	-DSTRUCT_SUPPORT=OFF -DLOG_SUPPORT=OFF -DSOCKET_SUPPORT=OFF -DIO_SUPPORT=OFF

fw="$work/src/firewall4/root"
cp -R "$fw/etc" "$fw/usr" "$root/"
mkdir -p "$root/usr/sbin"
cp -P "$fw/sbin/"* "$root/usr/sbin/"
cp "$init" "$root/etc/init.d/firewall"
chmod 0755 "$root/etc/init.d/firewall"
ln -sf "$(command -v busybox)" "$root/usr/bin/sh"
rm -rf "$root/usr/include"
find "$root/usr/lib" -name '*.a' -exec rm -f {} +
