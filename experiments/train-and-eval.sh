# Sourced by the experiment scripts, with $wb set to the workbench command.
# train_and_eval EXPERIMENT SEED RUN: trains EXPERIMENT with SEED into RUN and evaluates it, unless RUN already has
# its eval-last.json (a re-run skips finished runs and restarts unfinished ones).
train_and_eval() {
  local experiment=$1 seed=$2 run=$3
  [ -f "$run/eval-last.json" ] && return 0
  rm -rf "$run"
  $wb --seed "$seed" train "$experiment" --out "$run"
  $wb eval "$run"
}
