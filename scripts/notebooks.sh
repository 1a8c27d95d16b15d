#!/usr/bin/env bash
# Executes the example notebooks (examples/notebooks/*.ipynb, or the ones given) headless with the Java
# kernel rapaio-jupyter-kernel, and fails on any cell error.
#
#   scripts/notebooks.sh [NOTEBOOK.ipynb...]
#
# 1. Jupyter: Debian's jupyter-notebook, python3-nbconvert, python3-nbclient, jupyter-client (Debian's
#    /usr/bin/python3 tools, not whatever python is first on PATH). Installed with apt when missing and
#    running as root; without root it says what to install and exits 77 (skipped).
# 2. The kernel: io.github.padreati:rapaio-jupyter-kernel:$RJK_VERSION, a self-contained jar from Maven
#    Central (`mvn dependency:copy`), installed for this user with its own installer (`java -jar ... -i
#    -auto`) when `jupyter kernelspec list` lacks that version.
# 3. The library: examples/target/bacalhau4j.jar, which the notebooks load with `%jar`; built with Maven
#    when missing or older than a source or pom.
# 4. Each notebook: `jupyter nbconvert --to notebook --execute`, outputs to a temporary directory (kept
#    and named when a notebook fails; $NOTEBOOKS_OUT to choose it), never into the repository. A kernel
#    that does not start in time is started again, up to $KERNEL_STARTS times; any other failure fails the run.
#
# $NOTEBOOKS_MVN_FLAGS is added to its Maven commands (e.g. -o).
#
# Exit codes: 0 every notebook ran without a cell error; 1 one failed (its error is printed);
# 77 Jupyter is missing and cannot be installed here (not root).
set -euo pipefail
cd "$(dirname "$0")/.."

RJK_VERSION=${RJK_VERSION:-2.3.0}
KERNEL=rapaio-jupyter-kernel
CELL_TIMEOUT=${NOTEBOOK_CELL_TIMEOUT:-180}         # seconds a cell may run
# rapaio-jupyter-kernel 2.3.0 sometimes binds its channels and then never answers kernel_info (seen in
# about 1 start of 3 here, on an idle machine); a healthy start answers within seconds, so each start
# gets a short timeout and the notebook is tried up to KERNEL_STARTS times
STARTUP_TIMEOUT=${NOTEBOOK_STARTUP_TIMEOUT:-25}     # seconds the kernel may take to answer
KERNEL_STARTS=${NOTEBOOK_KERNEL_STARTS:-6}
JAR=examples/target/bacalhau4j.jar
JUPYTER=/usr/bin/jupyter
APT_PACKAGES=(jupyter-notebook python3-notebook python3-nbconvert python3-ipykernel jupyter-client
              python3-nbclient jupyter-nbconvert)
export PYDEVD_DISABLE_FILE_VALIDATION=1   # quiets debugpy's "frozen modules" warning on every jupyter call

say() { echo "notebooks: $*"; }
# shellcheck disable=SC2086 # NOTEBOOKS_MVN_FLAGS is a list of flags, split on purpose
mvn_() {
    mvn -q -B -ntp -Dstyle.color=never ${NOTEBOOKS_MVN_FLAGS:-} "$@"
}

jupyter_present() {
    [ -x "$JUPYTER" ] && [ -x /usr/bin/jupyter-nbconvert ] &&
        /usr/bin/python3 -c 'import nbconvert, nbclient, jupyter_client' >/dev/null 2>&1
}

# 1. Jupyter
if ! jupyter_present; then
    if [ "$(id -u)" -ne 0 ]; then
        say "Jupyter is missing; installing it needs root: apt-get install ${APT_PACKAGES[*]}" >&2
        exit 77
    fi
    say "installing ${APT_PACKAGES[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt_install() { apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null; }
    if ! apt_install && ! { apt-get update -qq && apt_install; }; then
        say "apt-get could not install ${APT_PACKAGES[*]}" >&2
        exit 1
    fi
    jupyter_present || { say "Jupyter is still missing after apt-get install" >&2; exit 1; }
fi

# 2. The Java kernel
kernel_present() { # the kernelspec exists and runs this version's jar
    local dir
    dir=$("$JUPYTER" kernelspec list 2>/dev/null | awk -v k="$KERNEL" '$1 == k {print $2}')
    [ -n "$dir" ] && grep -q "rapaio-jupyter-kernel-$RJK_VERSION.jar" "$dir/kernel.json"
}
if ! kernel_present; then
    say "installing the Java kernel $KERNEL $RJK_VERSION"
    tmp=$(mktemp -d)
    # copy: fetched from Maven Central into the local repository when missing, then copied to $tmp
    (cd "$tmp" && mvn_ org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$RJK_VERSION" -DoutputDirectory="$tmp")
    # the installer copies the jar into <user.home>/.local/share/jupyter/kernels/, where jupyter looks ($HOME)
    java -Duser.home="$HOME" -jar "$tmp/rapaio-jupyter-kernel-$RJK_VERSION.jar" -i -auto >/dev/null
    rm -rf "$tmp"
    kernel_present || { say "the kernel $KERNEL $RJK_VERSION is not installed after its installer ran" >&2; exit 1; }
fi

# 3. The library jar the notebooks load
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$JAR" -print -quit)" ]; then
    say "building $JAR"
    mvn_ install -N
    mvn_ package -DskipTests -pl examples -am
fi

# 4. Execute
if [ $# -eq 0 ]; then
    set -- examples/notebooks/*.ipynb
fi
out=${NOTEBOOKS_OUT:-$(mktemp -d -t bacalhau4j-notebooks.XXXXXX)}
mkdir -p "$out"

run() { # run NOTEBOOK LOG
    "$JUPYTER" nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name="$KERNEL" \
        --ExecutePreprocessor.timeout="$CELL_TIMEOUT" \
        --ExecutePreprocessor.startup_timeout="$STARTUP_TIMEOUT" --output-dir "$out" "$1" >"$2" 2>&1
}

failed=()
for nb in "$@"; do
    name=$(basename "$nb" .ipynb)
    log="$out/$name.log"
    start=$SECONDS
    rc=0
    run "$nb" "$log" || rc=$?
    starts=1
    while [ $rc -ne 0 ] && [ $starts -lt "$KERNEL_STARTS" ] \
            && grep -qE "Kernel didn't respond|Kernel died before replying to kernel_info" "$log"; do
        say "$nb: the kernel did not start in time (start $starts of $KERNEL_STARTS); starting it again"
        mv "$log" "$out/$name.start-$starts.log"
        starts=$((starts + 1))
        start=$SECONDS
        rc=0
        run "$nb" "$log" || rc=$?
    done
    if [ $rc -eq 0 ]; then
        say "$nb: ok ($((SECONDS - start))s)"
    else
        say "$nb: FAILED ($((SECONDS - start))s); the end of $log:" >&2
        # the failing cell and its error; else the end of the log without the kernel's channel chatter
        if grep -q 'CellExecutionError:' "$log"; then
            sed -n '/CellExecutionError:/,$p' "$log" >&2
        else
            grep -vE '^\[[0-9-]+ [0-9:]+\] \[(INFO|DEBUG)' "$log" | tail -n 30 >&2
        fi
        failed+=("$nb")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    say "${#failed[@]} of $# notebooks failed: ${failed[*]} (executed copies and logs in $out)" >&2
    exit 1
fi
[ -n "${NOTEBOOKS_OUT:-}" ] || rm -rf "$out"
