# step NAME COMMAND...: runs COMMAND with its output appended to $log and prints NAME, the exit status and the seconds.
# Sourced by the GPU experiment scripts after they set log.
step() {
  local name=$1; shift
  SECONDS=0
  "$@" >> "$log" 2>&1
  echo "$name exit $? after $SECONDS s" | tee -a "$log"
}
