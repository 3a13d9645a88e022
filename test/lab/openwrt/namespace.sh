#!/bin/sh
# PID 1 of the OpenWrt router's private pid and mount namespace (started by runner.ts inside the
# lab router's network namespace, through `unshare --kill-child`): makes the fake OpenWrt root
# look real to everything started in here, then runs ubusd and the netifd stand-in until its
# stdin closes. When it exits, for whatever reason, the kernel kills every process of the pid
# namespace and drops its mounts: nothing is left behind on the host.
#   $1: the fake root (read-only: its etc and usr are laid over the host's)
#   $2: this router's state directory (its writable /etc layer)
#   $3: the directory to use as /tmp (the lab's, where the test looks for a canary)
#   $4: the netifd stand-in (netifd.uc)
set -eu
root=$1
state=$2
tmp=$3
netifd=$4
mkdir -p "$state/etc" "$state/etc.work"
# /etc: this router's own writable layer over the fake root's etc over the host's.
mount -t overlay synfw-etc -o "lowerdir=$root/etc:/etc,upperdir=$state/etc,workdir=$state/etc.work" /etc
# /usr (so /bin and /sbin too, on a merged-/usr host): the fake root's binaries over the host's,
# read-only; /bin/sh is busybox there.
mount -t overlay synfw-usr -o "lowerdir=$root/usr:/usr" /usr
# A private /run (ubus socket, fw4's lock and state) and /tmp (uci's change files, and whatever a
# script under test writes there).
mount -t tmpfs -o mode=0755 synfw-run /run
mount --bind "$tmp" /tmp
mkdir -p /run/ubus /run/lock

/usr/sbin/ubusd &
i=0
while [ ! -S /var/run/ubus/ubus.sock ]; do
	i=$((i + 1))
	[ "$i" -le 250 ] || { echo 'ubusd did not create /var/run/ubus/ubus.sock' >&2; exit 1; }
	sleep 0.02
done
# The stand-in prints "ready" once its object is published.
/usr/bin/ucode "$netifd" &
# Blocks until the test process closes stdin (or dies).
cat >/dev/null
